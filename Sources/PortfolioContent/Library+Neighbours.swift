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
        return tagPairs.related(to: index, count: count, in: self) ?? countedRelated(to: index, count: count)
    }

    /// `related(to:count:)` by counting, per article, the tags it shares with `index`.
    func countedRelated(to index: Int, count: Int) -> [Int] {
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
        // One pass keeps the best `count`: most shared tags first, then the lower index
        // (newer article); cheaper than filtering and sorting thousands of candidates.
        let counts = shared
        var best: [Int] = []
        best.reserveCapacity(count + 1)
        func ranksAbove(_ a: Int, _ b: Int) -> Bool {
            counts[a] != counts[b] ? counts[a] > counts[b] : a < b
        }
        for candidate in touched {
            if best.count == count, let last = best.last, !ranksAbove(candidate, last) { continue }
            let at = best.firstIndex { ranksAbove(candidate, $0) } ?? best.count
            best.insert(candidate, at: at)
            if best.count > count { best.removeLast() }
        }
        return best
    }

    /// The most viewed articles (legacy counts), at most `count`.
    public func popular(count: Int) -> [Int] {
        articles.indices.sorted { a, b in
            articles[a].views != articles[b].views ? articles[a].views > articles[b].views : a < b
        }.prefix(count).map { $0 }
    }

    /// The slug of a tag, category or author name.
    public func slug(for name: String) -> String {
        termSlugs[UTF8Key(name)] ?? Slug.make(name, style: config.slugStyle)
    }
}
