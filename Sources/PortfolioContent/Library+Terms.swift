import PortfolioCore

extension Library {
    /// `terms` (of one kind, sorted as `terms(_:slugs:names:)` sorts them) after article
    /// `index` of `articles` changed its names of that kind from `old` to `new`. Only the
    /// terms of those names are made again: their articles, and their name (the spelling
    /// most articles use, which an edit can change). `slugs` knows every name involved.
    static func terms(_ terms: [Term], moving index: Int, from old: [String], to new: [String], in articles: [Article],
                      slugs: [UTF8Key: String], names: (Article) -> [String]) -> [Term] {
        let newSlugs = Set(new.map { slugs[UTF8Key($0)]! })
        let touched = newSlugs.union(old.map { slugs[UTF8Key($0)]! })
        var result = terms.filter { !touched.contains($0.slug) }
        let before = Dictionary(uniqueKeysWithValues: terms.filter { touched.contains($0.slug) }.map { ($0.slug, $0.articles) })
        for slug in touched {
            var members = (before[slug] ?? []).filter { $0 != index }
            if newSlugs.contains(slug) { members.insert(index, at: members.firstIndex { $0 > index } ?? members.count) }
            guard !members.isEmpty else { continue }
            var spellings: [String: Int] = [:]
            for i in members {
                for name in names(articles[i]) where slugs[UTF8Key(name)] == slug { spellings[name, default: 0] += 1 }
            }
            result.append(Term(name: commonest(spellings), slug: slug, articles: members))
        }
        return result.sorted(by: termOrder)
    }

    /// The order of terms: by name, then by slug.
    static func termOrder(_ a: Term, _ b: Term) -> Bool {
        a.name != b.name ? a.name < b.name : a.slug < b.slug
    }

    /// The spelling of a term used most often (the first in code-point order among equals).
    static func commonest(_ spellings: [String: Int]) -> String {
        spellings.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
    }
}
