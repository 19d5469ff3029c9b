import PortfolioCore

/// Gives an imported post's flat lines their structure back, by one rule:
///
/// - Two or more lines in a row that start with a section number of the same style
///   (`1、` `2、`, `一、` `二、`, `（一）` `（二）`, `① ②`, `Step 1.` `Step 2.`) are a list,
///   and so are two or more lines in a row that start with a bullet (`•` `●` `○` `■` `◆`
///   `▪` `・` `-` `*`); each keeps its number as written, so nothing is renumbered.
/// - A numbered line on its own that is short (at most `headingLength` characters) and
///   has no sentence end (。！？!?) is a heading: level 2, or level 3 for a dotted number
///   (`1.3`).
/// - Every other line is a paragraph of its own, as before.
enum ImportStructure {
    static let headingLength = 30
    static let bullets: Set<Character> = ["•", "●", "○", "■", "◆", "▪", "・", "-", "*", "◇", "□"]

    /// The Markdown blocks of the lines, in order.
    static func blocks(_ lines: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < lines.count {
            let kind = Kind(lines[i])
            var j = i + 1
            if kind.listable { while j < lines.count && Kind(lines[j]) == kind { j += 1 } }
            if j - i >= 2 {
                out.append(lines[i..<j].map { "- " + item($0, kind) }.joined(separator: "\n"))
            } else {
                out.append(single(lines[i], kind))
            }
            i = j
        }
        return out
    }

    /// What starts a line, for grouping: lines of one kind in a row make one list.
    enum Kind: Equatable {
        case numbered(SectionNumber.Style, dotted: Bool)
        case bullet
        case text

        init(_ line: String) {
            if let number = SectionNumber.parse(line) {
                self = .numbered(number.style, dotted: number.dotted)
            } else if let first = line.first, ImportStructure.bullets.contains(first), line.dropFirst().first == " "
                        || (first != "-" && first != "*" && line.count > 1) {
                self = .bullet
            } else {
                self = .text
            }
        }

        var listable: Bool { self != .text }
    }

    /// A list item's text: the line as written, or without its bullet.
    static func item(_ line: String, _ kind: Kind) -> String {
        guard kind == .bullet else { return MarkdownEscaper.line(line) }
        return MarkdownEscaper.line(String(line.dropFirst()).trimmed)
    }

    /// A line alone: a heading when it is a short numbered title, else a paragraph.
    static func single(_ line: String, _ kind: Kind) -> String {
        guard case .numbered(_, let dotted) = kind, line.count <= headingLength,
              !line.contains(where: { "。！？!?".contains($0) }) else { return MarkdownEscaper.line(line) }
        return (dotted ? "### " : "## ") + MarkdownEscaper.inline(line)
    }
}
