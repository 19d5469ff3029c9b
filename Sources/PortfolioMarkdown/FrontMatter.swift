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
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 10) ?? utf8.endIndex
            lineNumber += 1
            let line = text[lineStart..<lineEnd]
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            if yamlStart == nil {
                guard trimmed(line) == "---" else {
                    throw PortfolioError(.frontMatter, "missing front matter: the file must start with a `---` line, then `title:` and `date:`",
                                         at: SourceLocation(path: path, line: 1))
                }
                yamlStart = next
            } else if trimmed(line) == "---" || trimmed(line) == "..." {
                return FrontMatter(yaml: String(text[yamlStart!..<lineStart]), yamlFirstLine: 2,
                                   body: String(text[next...]), bodyFirstLine: lineNumber + 1)
            }
            lineStart = next
        }
        if yamlStart == nil {
            throw PortfolioError(.frontMatter, "missing front matter: the file is empty", at: SourceLocation(path: path, line: 1))
        }
        throw PortfolioError(.frontMatter, "front matter is not closed: add a `---` line after the last key",
                             at: SourceLocation(path: path, line: 1))
    }

    private static func trimmed(_ line: Substring) -> Substring {
        var line = line
        if line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
        while let last = line.last, last == "\r" || last == " " || last == "\t" { line = line.dropLast() }
        return line
    }
}
