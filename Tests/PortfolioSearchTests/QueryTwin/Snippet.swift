@testable import PortfolioSearch

/// Marks query matches in a text and picks the window to show.
enum Snippet {
    /// Characters shown around the matches.
    static let window = 100

    /// The candidate with the most marked characters, cut to a window around them; with no
    /// match anywhere, the start of the first non-empty candidate.
    static func best(_ candidates: [String], needles: SearchQuery.Needles, normalizer: QueryNormalizer) -> [SearchQuery.Piece] {
        var bestText = candidates.first { !$0.isEmpty } ?? ""
        var bestMarks = [Bool](repeating: false, count: bestText.unicodeScalars.count)
        var bestCount = 0
        for text in candidates where !text.isEmpty {
            let marks = self.marks(text, needles: needles, normalizer: normalizer)
            let n = marks.filter { $0 }.count
            if n > bestCount {
                bestCount = n
                bestText = text
                bestMarks = marks
            }
        }
        return cut(Array(bestText.unicodeScalars), bestMarks, window: window)
    }

    static func pieces(_ text: String, needles: SearchQuery.Needles, normalizer: QueryNormalizer, window: Int?) -> [SearchQuery.Piece] {
        let marks = self.marks(text, needles: needles, normalizer: normalizer)
        return cut(Array(text.unicodeScalars), marks, window: window ?? Int.max)
    }

    /// One flag per Unicode scalar of `text`.
    static func marks(_ text: String, needles: SearchQuery.Needles, normalizer: QueryNormalizer) -> [Bool] {
        let (s, classes, origins) = normalizer.normalizeTracking(text)
        var normalizedMarks = [Bool](repeating: false, count: s.count)
        for i in 0..<s.count {
            if classes[i] == .cjk {
                if needles.singles.contains(s[i]) { normalizedMarks[i] = true }
                if i + 1 < s.count, needles.pairs.contains([s[i], s[i + 1]]) {
                    normalizedMarks[i] = true
                    normalizedMarks[i + 1] = true
                }
            } else if classes[i] == .word, i == 0 || classes[i - 1] != .word {
                for w in needles.words where i + w.count <= s.count && Array(s[i..<(i + w.count)]) == w {
                    for k in i..<(i + w.count) { normalizedMarks[k] = true }
                }
            }
        }
        var marks = [Bool](repeating: false, count: text.unicodeScalars.count)
        for (i, m) in normalizedMarks.enumerated() where m { marks[origins[i]] = true }
        return marks
    }

    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?", "；"]

    /// Where a window before the mark at `at` starts: just after the end of the sentence
    /// before it when that is near, else a few characters before the mark.
    static func lead(_ scalars: [Unicode.Scalar], _ at: Int) -> Int {
        var i = at - 1
        while i >= 0 && i >= at - 30 {
            if sentenceEnds.contains(scalars[i]) {
                while i + 1 < at && scalars[i + 1] == " " { i += 1 }
                return i + 1
            }
            i -= 1
        }
        return at - 10
    }

    static func cut(_ scalars: [Unicode.Scalar], _ marks: [Bool], window: Int) -> [SearchQuery.Piece] {
        var start = 0
        if scalars.count > window {
            // The window with the most marks, starting a little before its first one.
            var bestStart = -1, bestCount = 0, running = 0
            var prefix = [Int](repeating: 0, count: marks.count + 1)
            for i in 0..<marks.count { prefix[i + 1] = prefix[i] + (marks[i] ? 1 : 0) }
            for i in 0..<marks.count where marks[i] {
                running = prefix[min(marks.count, i + window)] - prefix[i]
                if running > bestCount { bestCount = running; bestStart = i }
            }
            if bestStart >= 0 { start = max(0, min(lead(scalars, bestStart), scalars.count - window)) }
        }
        let end = min(scalars.count, start + window)
        var pieces: [SearchQuery.Piece] = []
        if start > 0 { pieces.append(.init(text: "…", marked: false)) }
        var i = start
        while i < end {
            var j = i
            while j < end && marks[j] == marks[i] { j += 1 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[i..<j])
            pieces.append(.init(text: String(view), marked: marks[i]))
            i = j
        }
        if end < scalars.count { pieces.append(.init(text: "…", marked: false)) }
        return pieces
    }
}
