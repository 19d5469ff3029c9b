/// Tells East Asian characters (Han, kana, hangul, CJK punctuation and full-width forms)
/// at the edges of UTF-8 text, for soft line breaks that are no space between them.
public enum EastAsian {
    /// Whether the last character of the text is East Asian.
    public static func endsText(_ bytes: [UInt8]) -> Bool {
        var start = bytes.count - 1
        while start > 0, bytes[start] & 0xC0 == 0x80, bytes.count - start < 4 { start -= 1 }
        guard start >= 0 else { return false }
        return bytes.withUnsafeBufferPointer { isEastAsian(scalar(in: UnsafeRawBufferPointer($0), at: start)) }
    }

    /// Whether the first character of the text is East Asian.
    public static func startsText(_ bytes: UnsafeRawBufferPointer) -> Bool {
        !bytes.isEmpty && isEastAsian(scalar(in: bytes, at: 0))
    }

    /// The code point whose UTF-8 encoding starts at `index` (0 for a malformed one).
    static func scalar(in bytes: UnsafeRawBufferPointer, at index: Int) -> UInt32 {
        let lead = UInt32(bytes[index])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return 0 }
        if length == 1 { return lead }
        var value = lead & (0xFF >> UInt32(length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset]) & 0x3F }
        return value
    }

    /// Whether the character is East Asian.
    public static func isEastAsian(_ scalar: Unicode.Scalar) -> Bool { isEastAsian(scalar.value) }

    /// Han (with extensions and compatibility ideographs), kana, hangul, bopomofo, CJK
    /// symbols and punctuation, and half- and full-width forms.
    public static func isEastAsian(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x312F,
             0x3130...0x318F, 0x31A0...0x31FF, 0x3200...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F,
             0xAC00...0xD7FF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}
