/// Finds bare `http://` and `https://` URLs in a line of plain text.
///
/// A URL runs over printable ASCII up to a space, a quote, `<`, `>` or any non-ASCII
/// character (so `網址https://a.tw/x。` finds `https://a.tw/x`); trailing punctuation and
/// an unbalanced closing bracket are left to the text.
public enum LinkScanner {
    /// A stretch of a line: plain text or a URL.
    public enum Piece: Sendable, Hashable {
        case text(String)
        case url(String)
    }

    /// The line cut into text and URL pieces, in order; no piece is empty.
    public static func pieces(_ line: String) -> [Piece] {
        let scalars = Array(line.unicodeScalars)
        var pieces: [Piece] = []
        var textStart = 0
        var index = 0
        while index < scalars.count {
            guard let end = urlEnd(scalars, from: index) else {
                index += 1
                continue
            }
            if textStart < index { pieces.append(.text(string(scalars[textStart..<index]))) }
            pieces.append(.url(string(scalars[index..<end])))
            index = end
            textStart = end
        }
        if textStart < scalars.count { pieces.append(.text(string(scalars[textStart...]))) }
        return pieces
    }

    /// The URL, when the whole line (already trimmed) is one URL.
    public static func bareURL(_ line: String) -> String? {
        let found = pieces(line)
        guard found.count == 1, case .url(let url) = found[0] else { return nil }
        return url
    }

    /// Where a URL starting at `start` ends, or nil when none starts there.
    static func urlEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        if start > 0, isASCIIAlphanumeric(s[start - 1]) { return nil }
        guard let schemeLength = ["https://", "http://"].first(where: { hasPrefix(s, start, $0) })?.count else { return nil }
        var end = start + schemeLength
        while end < s.count, isURLScalar(s[end]) { end += 1 }
        // Trailing punctuation goes, and so does a closing bracket while the candidate has
        // more of it than of its opening one. The counts are kept as the end moves back, so
        // that a URL followed by thousands of `)` is not counted again for each one.
        var opens: [Unicode.Scalar: Int] = [:], closes: [Unicode.Scalar: Int] = [:]
        for scalar in s[start..<end] {
            if let close = closing[scalar] { opens[close, default: 0] += 1 }
            if opening[scalar] != nil { closes[scalar, default: 0] += 1 }
        }
        while end > start + schemeLength {
            let last = s[end - 1]
            if ".,;:!?'*_~".unicodeScalars.contains(last) {
                end -= 1
            } else if opening[last] != nil, opens[last, default: 0] < closes[last, default: 0] {
                closes[last, default: 0] -= 1
                end -= 1
            } else {
                break
            }
        }
        return end > start + schemeLength ? end : nil
    }

    /// The opening bracket of each closing one.
    static let opening: [Unicode.Scalar: Unicode.Scalar] = [")": "(", "]": "[", "}": "{"]
    /// The closing bracket of each opening one.
    static let closing: [Unicode.Scalar: Unicode.Scalar] = ["(": ")", "[": "]", "{": "}"]

    static func hasPrefix(_ s: [Unicode.Scalar], _ start: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.unicodeScalars)
        guard start + p.count <= s.count else { return false }
        return zip(s[start..<(start + p.count)], p).allSatisfy { lowercased($0) == $1 }
    }

    static func isURLScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0x20 && scalar.value < 0x7F && !"<>\"`".unicodeScalars.contains(scalar)
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }

    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }
}
