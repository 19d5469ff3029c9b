@testable import PortfolioSearch

extension SearchQuery {
    /// "Did you mean" for a query that found nothing, as `search.js` makes it: the words of
    /// `suggest.json` whose nearest part (edit distance on the folded form) is 1 to 3
    /// edits from the query (1 up to 4 characters, 2 up to 8), at most three, nearest
    /// first, then in the file's order.
    func suggestions(for query: String, read: inout [String]) -> [String] {
        read.append("suggest.json")
        let normalizer = QueryNormalizer(fold: fold)
        let q = normalizer.normalizeQuery(query).0.filter { !Self.isSpace($0) }
        guard !q.isEmpty, let bytes = files["suggest.json"], let list = JSONReader.parse(bytes)?.arrayValue else { return [] }
        let limit = q.count <= 4 ? 1 : q.count <= 8 ? 2 : 3
        var found: [(distance: Int, order: Int, text: String)] = []
        var seen = Set<[UInt32]>()
        for (order, value) in list.enumerated() {
            guard let word = value.stringValue else { continue }
            var chars = Array(word.precomposedStringWithCompatibilityMapping.unicodeScalars).map(\.value)
            let folded = normalizer.normalizeQuery(word).0
            if folded.count != chars.count { chars = folded }
            let (distance, a, b) = Self.nearest(q, folded)
            let key = Array(folded[a..<b])
            guard distance >= 1, distance <= limit, distance < q.count, seen.insert(key).inserted else { continue }
            var view = String.UnicodeScalarView()
            for v in chars[a..<b] { if let s = Unicode.Scalar(v) { view.append(s) } }
            found.append((distance, order, String(view)))
        }
        found.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.order < $1.order }
        return found.prefix(3).map(\.text)
    }

    /// Levenshtein distance.
    static func distance(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 0..<a.count {
            var current = [i + 1]
            for j in 0..<b.count {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The part of `word` nearest to `q`, as long as `q` or one character shorter or
    /// longer (in that order, the first wins a tie): distance, start, end.
    static func nearest(_ q: [UInt32], _ word: [UInt32]) -> (Int, Int, Int) {
        var best = (Int.max, 0, word.count)
        for length in [q.count, q.count - 1, q.count + 1] where length > 0 {
            var a = 0
            while a + length <= word.count {
                let d = distance(q[...], word[a..<(a + length)])
                if d < best.0 { best = (d, a, a + length) }
                a += 1
            }
        }
        return best
    }
}
