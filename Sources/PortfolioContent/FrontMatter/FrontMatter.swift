import PortfolioCore

/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatter: Sendable {
    /// The YAML between the `---` lines.
    public var yaml: String
    /// The file line of the YAML's first line.
    public var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    public var body: String
    /// The file line of the body's first line.
    public var bodyFirstLine: Int

    /// Splits `text`; a missing or unclosed block is an error at line 1.
    public static func split(_ text: String, path: String) throws(PortfolioError) -> FrontMatter {
        var text = text
        let found = text.withUTF8 { bytes -> (yaml: Range<Int>, body: Int, bodyLine: Int)? in
            var lineStart = 0, lineNumber = 0
            var yamlStart: Int?
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
                lineNumber += 1
                let next = lineEnd < bytes.count ? lineEnd + 1 : lineEnd
                let marker = Self.marker(bytes, lineStart, lineEnd)
                if yamlStart == nil {
                    guard marker == .dashes else { return nil }
                    yamlStart = next
                } else if marker != nil {
                    return (yamlStart!..<lineStart, next, lineNumber + 1)
                }
                lineStart = next
            }
            return nil
        }
        guard let found else { throw problem(text, path: path) }
        let utf8 = text.utf8
        let index = { (offset: Int) in utf8.index(utf8.startIndex, offsetBy: offset) }
        return FrontMatter(yaml: String(text[index(found.yaml.lowerBound)..<index(found.yaml.upperBound)]), yamlFirstLine: 2,
                           body: String(text[index(found.body)...]), bodyFirstLine: found.bodyLine)
    }

    /// Why `text` has no front matter block.
    private static func problem(_ text: String, path: String) -> PortfolioError {
        let firstLine = text.utf8.prefix { $0 != 10 }
        let reason: String
        if text.isEmpty {
            reason = "missing front matter: the file is empty"
        } else if marker(Array(firstLine)) != .dashes {
            reason = "missing front matter: the file must start with a `---` line, then `title:` and `date:`"
        } else {
            reason = "front matter is not closed: add a `---` line after the last key"
        }
        return PortfolioError(.frontMatter, reason, at: SourceLocation(path: path, line: 1))
    }

    private enum Marker { case dashes, dots }

    /// `---` or `...` on a line of its own, allowing a byte order mark before it and
    /// spaces, tabs or a carriage return after it.
    private static func marker(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Marker? {
        var a = start, b = end
        if b - a >= 3, bytes[a] == 0xEF, bytes[a + 1] == 0xBB, bytes[a + 2] == 0xBF { a += 3 }
        while b > a, bytes[b - 1] == 13 || bytes[b - 1] == 32 || bytes[b - 1] == 9 { b -= 1 }
        guard b - a == 3 else { return nil }
        if bytes[a] == 45, bytes[a + 1] == 45, bytes[a + 2] == 45 { return .dashes }
        if bytes[a] == 46, bytes[a + 1] == 46, bytes[a + 2] == 46 { return .dots }
        return nil
    }

    private static func marker(_ line: [UInt8]) -> Marker? {
        line.withUnsafeBufferPointer { marker($0, 0, $0.count) }
    }
}
