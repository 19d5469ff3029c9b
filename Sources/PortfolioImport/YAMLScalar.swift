/// Writing and reading the single-line YAML scalars of imported front matter.
///
/// Text is always written double-quoted, so `:`, `#`, quotes, leading `-`, `yes` or
/// digits never change meaning; characters YAML cannot carry raw are escaped.
public enum YAMLScalar {
    /// `text` as a double-quoted YAML scalar.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if needsEscape(scalar) {
                    out += "\\u" + hex(scalar.value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Control characters, line and paragraph separators, BOM and non-characters.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF || v == 0xFFFE || v == 0xFFFF
    }

    /// The text of a scalar as written after `key:` on one line: double-quoted, single-quoted
    /// or plain (a ` #` comment after a plain value is dropped). Good enough for the keys the
    /// importer reads back (`date`, `author`), not a full YAML reader.
    public static func value(_ raw: some StringProtocol) -> String {
        let text = EportfolioText.trimmed(raw)
        if text.hasPrefix("\""), let end = text.dropFirst().lastIndex(of: "\"") {
            return unescapeDoubleQuoted(text[text.index(after: text.startIndex)..<end])
        }
        if text.hasPrefix("'"), text.count >= 2, let end = text.dropFirst().lastIndex(of: "'") {
            return String(text[text.index(after: text.startIndex)..<end]).replacingOccurrences(of: "''", with: "'")
        }
        if let comment = text.range(of: " #") { return EportfolioText.trimmed(text[..<comment.lowerBound]) }
        return text
    }

    /// Undoes the escapes of a double-quoted scalar.
    static func unescapeDoubleQuoted(_ body: Substring) -> String {
        var out = String.UnicodeScalarView()
        var scalars = body.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\", let code = scalars.popFirst() else {
                out.append(scalar)
                continue
            }
            let simple: [Unicode.Scalar: Unicode.Scalar] = [
                "n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", "\"": "\"", "/": "/", " ": " ",
                "_": "\u{A0}", "N": "\u{85}", "L": "\u{2028}", "P": "\u{2029}", "e": "\u{1B}",
            ]
            let width = ["x": 2, "u": 4, "U": 8][String(code)]
            if let mapped = simple[code] {
                out.append(mapped)
            } else if let width, let value = UInt32(String(String.UnicodeScalarView(scalars.prefix(width))), radix: 16),
                      let decoded = Unicode.Scalar(value) {
                out.append(decoded)
                scalars = scalars.dropFirst(width)
            } else {
                out.append(code)
            }
        }
        return String(out)
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
