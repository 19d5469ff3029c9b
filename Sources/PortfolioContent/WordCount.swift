import Foundation

/// Counts words the way a Chinese reader reads: every Han character is one word,
/// runs of other letters and digits are one word each.
public enum WordCount {
    /// (Han characters, other words).
    public static func count(_ text: String) -> (han: Int, words: Int) {
        var text = text
        return text.withUTF8 { bytes in
            var han = 0, words = 0, inWord = false
            var i = 0
            while i < bytes.count {
                // Decoded by hand: the scalar view's iterator costs more than the counting.
                let (value, length) = scalar(bytes, at: i)
                i += length
                if value < 0x80 {
                    let word = (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A)
                    if word && !inWord { words += 1 }
                    inWord = word
                } else if isHan(value) {
                    han += 1
                    inWord = false
                } else if isWordCharacter(Unicode.Scalar(value) ?? " ") {
                    if !inWord { words += 1 }
                    inWord = true
                } else {
                    inWord = false
                }
            }
            return (han, words)
        }
    }

    /// The scalar starting at `i` of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[i])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// Minutes to read, at least 1.
    public static func readingMinutes(_ text: String) -> (minutes: Int, words: Int) {
        readingMinutes(count(text))
    }

    /// Minutes to read text of these counts, at least 1, and the counts' total.
    public static func readingMinutes(_ counts: (han: Int, words: Int)) -> (minutes: Int, words: Int) {
        let (han, words) = counts
        let minutes = Int((Double(han) / 400 + Double(words) / 200).rounded(.up))
        return (max(1, minutes), han + words)
    }

    /// Letters and digits; ASCII and common CJK punctuation are decided without the
    /// (slow) Unicode property lookup.
    static func isWordCharacter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80, 0x3000...0x3004, 0x3008...0x3020, 0xFF01...0xFF0F, 0xFF1A...0xFF20: return false
        default: return s.properties.isAlphabetic || s.properties.numericType != nil
        }
    }

    static func isHan(_ value: UInt32) -> Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }
}
