/// Escaping for every place content can land: HTML text, attributes, XML, JSON.
public enum Escape {
    /// Escapes `& < > " '` so the result is safe in HTML text and quoted attributes.
    public static func html(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// XML 1.0 text and attribute escaping; drops control characters XML cannot carry.
    public static func xml(_ text: String) -> String {
        guard needsXMLEscape(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `xml(_:)` would change the text: a special character, a control
    /// character, or U+FFFE/U+FFFF (EF BF BE/BF in UTF-8).
    private static func needsXMLEscape(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 0..<0x20, 38, 60, 62, 34, 39: return true
            case 0xBE...0xBF where previous == 0xBF && beforePrevious == 0xEF: return true
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// A JSON string literal, quotes included. `<`, `>` and `&` are escaped too, so the
    /// literal is also safe inside an HTML `<script>` element.
    public static func jsonString(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    /// Percent-encodes a URL path segment (UTF-8), keeping unreserved ASCII.
    public static func urlPathSegment(_ text: String) -> String {
        percentEncoded(text, keeping: isUnreserved)
    }

    /// `text` with every UTF-8 byte but those `kept` as `%XX` (uppercase hex).
    static func percentEncoded(_ text: String, keeping kept: (UInt8) -> Bool) -> String {
        let count = text.utf8.count
        var encoded = 0
        for byte in text.utf8 where !kept(byte) { encoded += 1 }
        if encoded == 0 { return text }
        return String(unsafeUninitializedCapacity: count + 2 * encoded) { out in
            let hex: StaticString = "0123456789ABCDEF"
            var at = 0
            for byte in text.utf8 {
                if kept(byte) {
                    out[at] = byte
                    at += 1
                } else {
                    out[at] = UInt8(ascii: "%")
                    out[at + 1] = hex.utf8Start[Int(byte >> 4)]
                    out[at + 2] = hex.utf8Start[Int(byte & 15)]
                    at += 3
                }
            }
            return at
        }
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: return true
        default: return false
        }
    }
}
