import Foundation

/// Turns a line of plain text into Markdown that shows exactly that text.
///
/// Characters that could start markup are backslash-escaped, bare URLs become autolinks
/// (`<https://…>`), and a line start that Markdown would read as a heading, quote, list
/// item or rule (`# `, `> `, `- `, `1. `, `1) `, `---`) is neutralised.
public enum MarkdownEscaper {
    /// The Markdown for one line of text (the line should have no line breaks).
    public static func line(_ text: String) -> String {
        var out = ""
        for piece in LinkScanner.pieces(text) {
            switch piece {
            case .url(let url): out += link(url)
            case .text(let plain): out += inline(plain)
            }
        }
        return guardLineStart(out)
    }

    /// An autolink, or for an address with percent-encoded text a link that shows it
    /// decoded (`[https://例.tw/文章](<https://例.tw/%E6%96%87%E7%AB%A0>)`).
    static func link(_ url: String) -> String {
        guard url.contains("%"), let decoded = url.removingPercentEncoding, decoded != url,
              !decoded.contains(where: { $0.isNewline || ($0.isASCII && $0.asciiValue! < 0x20) }) else { return "<\(url)>" }
        return "[" + inline(decoded) + "](<" + url + ">)"
    }

    /// Escapes the characters that start inline markup: `\ ` * _ [ ] < > ~`, and `&` when
    /// it would start an entity such as `&amp;`.
    public static func inline(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if "\\`*_[]<>~".unicodeScalars.contains(scalar) || (scalar == "&" && startsEntity(scalars, at: index)) {
                out.append("\\")
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// Escapes a line start that would make a heading, list item, rule or setext underline.
    static func guardLineStart(_ line: String) -> String {
        guard let first = line.unicodeScalars.first else { return line }
        if "#-+=".unicodeScalars.contains(first) { return "\\" + line }
        let digits = line.unicodeScalars.prefix(while: { ("0"..."9").contains($0) })
        guard !digits.isEmpty, digits.count <= 9 else { return line }
        let rest = line.unicodeScalars.dropFirst(digits.count)
        guard let marker = rest.first, marker == "." || marker == ")" else { return line }
        return String(digits) + "\\" + String(rest)
    }

    /// Whether `&` at `index` is followed by an entity name or number and `;`.
    static func startsEntity(_ s: [Unicode.Scalar], at index: Int) -> Bool {
        var i = index + 1
        if i < s.count, s[i] == "#" { i += 1 }
        let start = i
        while i < s.count, i - start < 32, s[i].isASCII, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) { i += 1 }
        return i > start && i < s.count && s[i] == ";"
    }
}
