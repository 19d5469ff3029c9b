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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, trimmed(first) == "---" else {
            throw PortfolioError(.frontMatter, "missing front matter: the file must start with a `---` line, then `title:` and `date:`",
                                 at: SourceLocation(path: path, line: 1))
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.first {
            lines = lines.dropFirst()
            lineNumber += 1
            let t = trimmed(line)
            if t == "---" || t == "..." {
                let body = lines.joined(separator: "\n")
                return FrontMatter(yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2,
                                   body: body, bodyFirstLine: lineNumber + 1)
            }
            yamlLines.append(line)
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
