import Foundation

/// Tells Simplified from Traditional Chinese text by characters only one script uses.
enum Script {
    static let simplifiedOnly = "们这说为与体验实关系网点产费应时么从个来对过还让营销会购经济务电门问间现发动开业"
    static let traditionalOnly = "們這說為與體驗實關係網點產費應時麼從個來對過還讓營銷會購經濟務電門問間現發動開業"
    static let firstHan: UInt32 = 0x4E00, lastHan: UInt32 = 0x9FFF
    /// +1 for a Simplified-only character, -1 for a Traditional-only one, by code point
    /// from U+4E00; a table lookup keeps this cheap on every article page.
    static let marks: [Int8] = {
        var table = [Int8](repeating: 0, count: Int(lastHan - firstHan + 1))
        for s in simplifiedOnly.unicodeScalars { table[Int(s.value - firstHan)] = 1 }
        for s in traditionalOnly.unicodeScalars { table[Int(s.value - firstHan)] = -1 }
        return table
    }()
    /// Whether the first 1,500 characters from U+4E00 up (Han and later) of `text` hold
    /// at least three Simplified-only characters and more than twice as many as Traditional-only ones.
    static func looksSimplified(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { looksSimplified(utf8: $0) }
    }

    /// `looksSimplified` on valid UTF-8. Characters from U+4E00 up start with a byte from
    /// 0xE4 up; the bytes of other characters are stepped over without decoding them.
    static func looksSimplified(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var simplified = 0, traditional = 0, seen = 0
        var i = 0
        let end = bytes.count, marks = Self.marks
        while i < end {
            let lead = bytes[i]
            if lead < 0xE4 {
                i += 1
                continue
            }
            if lead >= 0xF0 {
                // Four bytes: past the Han block, but one of the characters seen.
                i += 4
            } else {
                guard i + 2 < end else { break }
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
                if value < firstHan { continue }
                if value <= lastHan {
                    // Without branches: a branch on the mark is mispredicted in text of mixed scripts.
                    let mark = Int(marks[Int(value &- firstHan)])
                    simplified &+= (mark &+ 1) >> 1
                    traditional &+= (1 &- mark) >> 1
                }
            }
            seen += 1
            if seen > 1500 { break }
        }
        return simplified > traditional * 2 && simplified >= 3
    }
}
