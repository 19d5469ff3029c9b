/// Something the build accepted but the user probably did not mean: an unknown key, a
/// placeholder address, content that will not show. Printed as `path:line: warning: …`;
/// a warning never stops a build.
public struct PortfolioWarning: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        (location.map { "\($0): " } ?? "") + "warning: " + message
    }

    /// "unknown key `pagniate`: did you mean `paginate`?", or without the question when
    /// no known key is near.
    public static func unknownKey(_ key: String, known: [String], at location: SourceLocation?, what: String) -> PortfolioWarning {
        var message = "unknown \(what) key `\(key)`"
        if let near = nearest(key, in: known) { message += ": did you mean `\(near)`?" }
        return PortfolioWarning(message, at: location)
    }

    /// The known word nearest to `word` by edit distance, if it is near enough (at most a
    /// third of its length, and at least one edit less than its length).
    public static func nearest(_ word: String, in known: [String]) -> String? {
        let w = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in known {
            let d = distance(w, Array(candidate))
            if d <= max(1, w.count / 3), d < w.count, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// Levenshtein distance, with a swap of two neighbours counted as one edit.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                var d = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, rows[i - 2][j - 2] + 1) }
                rows[i][j] = d
            }
        }
        return rows[a.count][b.count]
    }
}
