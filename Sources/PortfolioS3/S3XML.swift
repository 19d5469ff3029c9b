import Foundation

/// The little XML that S3 speaks: it answers listings and errors with flat documents of
/// elements without attributes, and takes a list of keys to delete (escaped with
/// `Escape.xml`). Reading finds
/// elements by name; it is not a general parser, and needs none of libxml2.
enum S3XML {
    /// The contents of every `<name>…</name>` in `text`, in order (tags nested under
    /// other names are found too, so callers narrow down from the outside in).
    static func elements(_ name: String, in text: Substring) -> [Substring] {
        let open = Array("<\(name)".utf8CString), close = Array("</\(name)>".utf8CString)
        let utf8 = text.utf8
        // A NUL inside the text would end the search early; nothing S3 sends has one.
        let bytes = utf8.map { CChar(bitPattern: $0) } + [0]
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var found: [Substring] = []
        var at = 0
        // One pass over the bytes: each search starts where the last element ended.
        while let start = find(open, in: bytes, from: at) {
            let after = start + open.count - 1
            if bytes[after] == CChar(UInt8(ascii: "/")), bytes[after + 1] == CChar(UInt8(ascii: ">")) {
                found.append(text[index(after)..<index(after)])
                at = after + 2
                continue
            }
            guard bytes[after] == CChar(UInt8(ascii: ">")) else { at = after; continue }
            guard let end = find(close, in: bytes, from: after + 1) else { break }
            found.append(text[index(after + 1)..<index(end)])
            at = end + close.count - 1
        }
        return found
    }

    /// The offset of the first `needle` in `bytes` at or after `from`. `bytes` ends in a
    /// NUL that `elements` adds (XML has none of its own), so libc's `strstr` can search.
    private static func find(_ needle: [CChar], in bytes: [CChar], from: Int) -> Int? {
        guard from < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { hay in
            strstr(hay.baseAddress! + from, needle).map { UnsafePointer($0) - hay.baseAddress! }
        }
    }

    /// The decoded text of the first `<name>` in `text`, or nil.
    static func value(_ name: String, in text: Substring) -> String? {
        elements(name, in: text).first.map { unescape($0) }
    }

    /// Text with the five named entities and numeric references decoded.
    static func unescape(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semi]
            if let decoded = decode(entity) {
                out += decoded
            } else {
                out += rest[amp...semi]
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    private static func decode(_ entity: Substring) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard entity.hasPrefix("#") else { return nil }
            let digits = entity.dropFirst()
            let number = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return number.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
