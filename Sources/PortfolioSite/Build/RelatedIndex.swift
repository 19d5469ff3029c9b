import Foundation
import PortfolioContent
import PortfolioCore

/// The related articles of every article, by source path, kept from build to build.
/// Whom an article lists as related depends on the tags, dates and slugs of the articles
/// that share a tag with it; so after an edit only the articles sharing a tag with an
/// article that appeared, went, or changed its date (or a slug that orders it among
/// articles of the same date) are asked again, and for an article that only changed
/// tags, those sharing a tag it gained or lost.
struct RelatedIndex {
    /// What of an article the related lists of others depend on.
    struct Signature: Hashable {
        var tags: [String]
        var date: Date
        var slug: String
    }

    private var lists: [String: [String]] = [:]
    private var signatures: [String: Signature] = [:]
    private var count = -1

    /// Brings the lists up to date with `library`; returns each article's related articles
    /// by index, and how many lists were computed again.
    mutating func update(_ library: Library) -> (related: [[Int]], recomputed: Int) {
        let articles = library.articles
        var index: [String: Int] = [:]
        index.reserveCapacity(articles.count)
        for (i, a) in articles.enumerated() { index[a.sourcePath] = i }
        let fresh = articles.map { Signature(tags: $0.tags, date: $0.date, slug: $0.slug) }
        let wanted = library.config.relatedCount
        var todo: Set<Int>
        if count != wanted {
            todo = Set(articles.indices)
        } else {
            todo = candidates(library, index: index, fresh: fresh)
        }
        let order = todo.sorted()
        let computed = Parallel.map(order) { library.related(to: $0, count: wanted) }
        for (i, list) in zip(order, computed) { lists[articles[i].sourcePath] = list.map { articles[$0].sourcePath } }
        for path in signatures.keys where index[path] == nil { lists[path] = nil }
        signatures = Dictionary(uniqueKeysWithValues: zip(articles.map(\.sourcePath), fresh))
        count = wanted
        let related = articles.map { a in lists[a.sourcePath]!.map { index[$0]! } }
        return (related, order.count)
    }

    /// The related lists `related` of the last build made right for `library`, which holds
    /// the same articles in the same order, those of `before` (index → last version) replaced
    /// (see `Library.replace`). Related lists follow tags and order only, so the replaced
    /// articles are asked again, and the articles carrying a tag whose slug a replaced one
    /// gained or lost (all in `library`'s terms: the others' tags did not change). This leaves
    /// the index itself as it was; its next `update` compares against what it saw last.
    static func refreshed(_ related: [[Int]], before: [Int: Article], library: Library) -> [[Int]] {
        var todo = Set(before.keys)
        for (i, old) in before {
            let was = Set(old.tags.map(library.slug(for:))), now = Set(library.articles[i].tags.map(library.slug(for:)))
            for slug in was.symmetricDifference(now) { todo.formUnion(library.tagsBySlug[slug]?.articles ?? []) }
        }
        let order = todo.sorted(), wanted = library.config.relatedCount
        let computed = Parallel.map(order) { library.related(to: $0, count: wanted) }
        var result = related
        for (i, list) in zip(order, computed) { result[i] = list }
        return result
    }

    /// Articles whose related list may have changed: every article that appeared, went, or
    /// changed its signature, and every article sharing one of its old or new tags.
    private func candidates(_ library: Library, index: [String: Int], fresh: [Signature]) -> Set<Int> {
        var moved: [(old: Signature?, new: Signature?, at: Int?)] = []
        var sameDay: [Date: Int]?
        for (i, a) in library.articles.enumerated() where signatures[a.sourcePath] != fresh[i] {
            let old = signatures[a.sourcePath]
            if let old, old.tags == fresh[i].tags, old.date == fresh[i].date {
                // Only the slug moved: that reorders articles only among those of the same date.
                if sameDay == nil { sameDay = Dictionary(fresh.map { ($0.date, 1) }, uniquingKeysWith: +) }
                if sameDay![old.date]! < 2 { continue }
            }
            moved.append((old, fresh[i], i))
        }
        for (path, old) in signatures where index[path] == nil { moved.append((old, nil, nil)) }
        var todo: Set<Int> = []
        for entry in moved {
            if let at = entry.at { todo.insert(at) }
            var tags = (entry.old?.tags ?? []) + (entry.new?.tags ?? [])
            if let old = entry.old, let new = entry.new, old.date == new.date, old.slug == new.slug {
                // Same place in the order: only articles with a tag that came or went share more or less with it.
                tags = Array(Set(old.tags).symmetricDifference(new.tags))
            }
            for tag in tags {
                if let term = library.tagsBySlug[library.slug(for: tag)] { todo.formUnion(term.articles) }
            }
        }
        return todo
    }
}
