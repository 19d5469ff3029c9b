import PortfolioCore

/// For every pair of tags, the articles that carry both, and for every article its tags.
/// Related articles are ranked by how many tags they share, so the best ones nearly
/// always share two or more: these are found in the few articles of the article's tag
/// pairs, instead of counting through the thousands of articles of each popular tag.
struct TagPairs: Sendable {
    /// Per article, the positions in `Library.tags` of its tags, ascending; nil when two of
    /// its tag names have one slug (each counts, so sharing is not a count of pairs).
    let terms: [[Int]?]
    /// The articles of each pair of tags, ascending, one pair after another in `members`;
    /// by `pairKey`.
    let pairs: [Int: Range<Int>]
    let members: [Int32]
    /// How many articles carry each tag.
    let tagSizes: [Int]

    /// `position` tells the position in `tags` of the term of a tag name, if any.
    init(articles: [Article], tags: [Term], position: (String) -> Int?) {
        tagSizes = tags.map(\.articles.count)
        var terms: [[Int]?] = []
        terms.reserveCapacity(articles.count)
        var lists: [Int: [Int32]] = [:]
        for i in articles.indices {
            let all = articles[i].tags.compactMap(position).sorted()
            var ids: [Int] = []
            for id in all where id != ids.last { ids.append(id) }
            terms.append(ids.count == all.count ? ids : nil)
            for x in ids.indices {
                for y in (x + 1)..<ids.count { lists[Self.pairKey(ids[x], ids[y], tags.count), default: []].append(Int32(i)) }
            }
        }
        var pairs: [Int: Range<Int>] = [:]
        var members: [Int32] = []
        for (key, list) in lists {
            pairs[key] = members.count..<(members.count + list.count)
            members += list
        }
        self.terms = terms
        self.pairs = pairs
        self.members = members
    }

    static func pairKey(_ a: Int, _ b: Int, _ tagCount: Int) -> Int { a * tagCount + b }

    /// `Library.related(to:count:)` for article `index` of `library`, or nil when counting
    /// through the articles of each tag is as cheap (or the article repeats a tag).
    func related(to index: Int, count: Int, in library: Library) -> [Int]? {
        guard let ids = terms[index], ids.count <= 255 else { return nil }
        var ranges: [Range<Int>] = []
        var perTag = 0, inPairs = 0
        for x in ids.indices {
            perTag += tagSizes[ids[x]]
            for y in (x + 1)..<ids.count {
                guard let range = pairs[Self.pairKey(ids[x], ids[y], tagSizes.count)] else { continue }
                ranges.append(range)
                inPairs += range.count
            }
        }
        guard inPairs < perTag else { return nil }
        // An article sharing s tags is in s(s-1)/2 of the pair lists: at most 32,385 for 255 tags.
        var times = [UInt16](repeating: 0, count: library.articles.count)
        var touched: [Int] = []
        touched.reserveCapacity(inPairs)
        members.withUnsafeBufferPointer { members in
            times.withUnsafeMutableBufferPointer { times in
                for range in ranges {
                    for k in range {
                        let article = Int(members[k])
                        if times[article] == 0 { touched.append(article) }
                        times[article] &+= 1
                    }
                }
            }
        }
        var kept: [(article: Int, tags: Int)] = []
        kept.reserveCapacity(count + 1)
        for article in touched where article != index {
            let seen = Int(times[article])
            var s = 2
            while s * (s - 1) / 2 < seen { s += 1 }
            Self.keep((article, s), in: &kept, count: count)
        }
        var best = kept.map(\.article)
        if best.count < count {
            best += Self.sharingOne(ids.map { library.tags[$0].articles }, skipping: touched.count + 1,
                                    count: count - best.count) { $0 == index || times[$0] != 0 }
        }
        return best
    }

    /// Adds `candidate` to `best`, the best `count` so far (best first), if it ranks among
    /// them: most shared tags first, then the lower index (newer article).
    static func keep(_ candidate: (article: Int, tags: Int), in best: inout [(article: Int, tags: Int)], count: Int) {
        func ranksAbove(_ a: (article: Int, tags: Int), _ b: (article: Int, tags: Int)) -> Bool {
            a.tags != b.tags ? a.tags > b.tags : a.article < b.article
        }
        if best.count == count, let last = best.last, !ranksAbove(candidate, last) { return }
        let at = best.firstIndex { ranksAbove(candidate, $0) } ?? best.count
        best.insert(candidate, at: at)
        if best.count > count { best.removeLast() }
    }

    /// The lowest `count` indexes in any of `lists` (each ascending) that are not `skipped`
    /// (of which there are `skipping`). Each of them is among the first `count + skipping`
    /// of a list it is in.
    static func sharingOne(_ lists: [[Int]], skipping: Int, count: Int, skipped: (Int) -> Bool) -> [Int] {
        var pool: [Int] = []
        for list in lists { pool += list.prefix(count + skipping) }
        pool.sort()
        var result: [Int] = []
        for (n, article) in pool.enumerated() where (n == 0 || pool[n - 1] != article) && !skipped(article) {
            result.append(article)
            if result.count == count { break }
        }
        return result
    }
}
