/// Decodes the character references an attribute value may hold: the named ones a URL
/// or an id is likely to carry, and every numeric one. Works on the UTF-8 bytes (the
/// theme's share links put `&amp;` in thousands of values); text without `&` is returned
/// as it is, and a reference it does not know stays as written.
enum HTMLEntities {
    static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{a0}"]

    static func decode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let amp = UInt8(ascii: "&"), semicolon = UInt8(ascii: ";")
        guard bytes.contains(amp) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == amp, let end = bytes[(i + 1)..<min(bytes.count, i + 33)].firstIndex(of: semicolon),
                  let decoded = decodeOne(String(decoding: bytes[(i + 1)..<end], as: UTF8.self)) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            out += decoded.utf8
            i = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func decodeOne(_ name: String) -> String? {
        if let text = named[name] { return text }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
