import Foundation
import PortfolioCore

/// Tag and category names that differ only in script (社會化營銷 and 社会化营销) share one
/// slug, so they make one term: its page lives at the slug of the spelling most articles
/// use (the first in code-point order among equals), and `Library` shows that spelling.
enum ScriptGroups {
    /// The names' Simplified form: the key that groups them.
    static func key(_ name: String) -> String {
        name.applyingTransform(StringTransform(rawValue: "Hant-Hans"), reverse: false) ?? name
    }

    /// A slug for every tag and category name of `articles` whose script group has more
    /// than one spelling; other names are left to the caller.
    static func slugs(_ articles: [Article], style: Slug.Style) -> [UTF8Key: String] {
        var counts: [String: Int] = [:]
        for article in articles {
            for name in article.tags { counts[name, default: 0] += 1 }
            for name in article.categories { counts[name, default: 0] += 1 }
        }
        var groups: [String: [String: Int]] = [:]
        for (name, count) in counts where name.unicodeScalars.contains(where: { $0.value >= 0x3400 }) {
            groups[key(name), default: [:]][name] = count
        }
        var slugs: [UTF8Key: String] = [:]
        for spellings in groups.values where spellings.count > 1 {
            let slug = Slug.make(Library.commonest(spellings), style: style)
            for name in spellings.keys { slugs[UTF8Key(name)] = slug }
        }
        return slugs
    }

    /// The slug of a known name in the same script group as `name`, if there is one.
    static func knownSlug(_ name: String, in slugs: [UTF8Key: String]) -> String? {
        guard name.unicodeScalars.contains(where: { $0.value >= 0x3400 }) else { return nil }
        let wanted = key(name)
        // The first in code-point order, so the answer does not depend on dictionary order.
        return slugs.filter { key($0.key.text) == wanted }.min { $0.key.text < $1.key.text }?.value
    }
}
