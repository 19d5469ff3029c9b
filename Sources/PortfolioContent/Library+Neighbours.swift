import PortfolioCore

extension Library {
    /// The next newer article, if any.
    public func newer(than index: Int) -> Int? {
        index > 0 ? index - 1 : nil
    }

    /// The next older article, if any.
    public func older(than index: Int) -> Int? {
        index + 1 < articles.count ? index + 1 : nil
    }

    /// Articles sharing the most tags with `index` (then newest first), at most `count`.
    public func related(to index: Int, count: Int) -> [Int] {
        guard count > 0 else { return [] }
        var shared: [Int: Int] = [:]
        for tag in articles[index].tags {
            guard let term = tagsBySlug[Slug.make(tag, style: config.slugStyle)] else { continue }
            for other in term.articles where other != index { shared[other, default: 0] += 1 }
        }
        let ranked = shared.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
        return ranked.prefix(count).map(\.key)
    }

    /// The most viewed articles (legacy counts), at most `count`.
    public func popular(count: Int) -> [Int] {
        articles.indices.sorted { a, b in
            articles[a].views != articles[b].views ? articles[a].views > articles[b].views : a < b
        }.prefix(count).map { $0 }
    }

    /// The slug of a tag, category or author name.
    public func slug(for name: String) -> String {
        Slug.make(name, style: config.slugStyle)
    }
}
