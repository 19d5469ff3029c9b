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
        // A counter per article beats a dictionary: popular tags hold thousands of articles.
        var shared = [UInt8](repeating: 0, count: articles.count)
        var touched: [Int] = []
        for tag in articles[index].tags {
            guard let term = tagsBySlug[slug(for: tag)] else { continue }
            for other in term.articles where other != index {
                if shared[other] == 0 { touched.append(other) }
                if shared[other] < 255 { shared[other] += 1 }
            }
        }
        var best = 0
        for i in touched where shared[i] > best { best = Int(shared[i]) }
        var result: [Int] = []
        var level = best
        while level > 0 && result.count < count {
            result += touched.filter { Int(shared[$0]) == level }.sorted().prefix(count - result.count)
            level -= 1
        }
        return result
    }

    /// The most viewed articles (legacy counts), at most `count`.
    public func popular(count: Int) -> [Int] {
        articles.indices.sorted { a, b in
            articles[a].views != articles[b].views ? articles[a].views > articles[b].views : a < b
        }.prefix(count).map { $0 }
    }

    /// The slug of a tag, category or author name.
    public func slug(for name: String) -> String {
        termSlugs[name] ?? Slug.make(name, style: config.slugStyle)
    }
}
