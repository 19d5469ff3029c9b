/// A section number at the start of a line: `1、`, `1.3 `, `2. `, `(3)`, `一、`, `（二）`,
/// `第三章`, `①`, `Step 1.`, `Part 2:`. Used to pass over section titles in summaries and
/// to give imported text its headings and lists.
public struct SectionNumber: Sendable, Equatable {
    /// How the number is written; lines of one style form one list or one level of headings.
    public enum Style: String, Sendable {
        /// `1、`, `1.`, `1)`, `1 `, `1.3 `
        case arabic
        /// `一、`, `（一）`, `(一)`
        case chinese
        /// `第一章`, `第2節`
        case chapter
        /// `①`
        case circled
        /// `Step 1.`, `Part 2:`
        case step
    }

    public var style: Style
    /// The number's value where it has one (`1.3` gives 1), or 0.
    public var value: Int
    /// Whether the number has dotted parts (`1.3`), a subsection.
    public var dotted: Bool
    /// The text after the number and its separator, with leading `#` and spaces removed.
    public var rest: Substring

    static let chineseDigits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

    /// The section number that starts the line, or nil; the rest must not be empty.
    public static func parse(_ line: String) -> SectionNumber? {
        let text = Substring(line)
        guard let found = step(text) ?? chapter(text) ?? circled(text) ?? chinese(text) ?? arabic(text) else { return nil }
        var result = found
        result.rest = result.rest.drop { $0 == " " || $0 == "#" || $0 == "\t" || $0 == "　" }
        return result.rest.isEmpty ? nil : result
    }

    private static func arabic(_ text: Substring) -> SectionNumber? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let value = Int(digits) else { return nil }
        var rest = text.dropFirst(digits.count)
        var dotted = false
        while rest.first == ".", let next = rest.dropFirst().first, next.isASCII, next.isNumber {
            rest = rest.dropFirst().drop { $0.isASCII && $0.isNumber }
            dotted = true
        }
        guard let separator = rest.first else { return nil }
        if "、.．)）:：".contains(separator) {
            rest = rest.dropFirst()
        } else if separator == " " || separator == "\t" || separator == "　" {
            // "1956 年" is a year, not a section: a bare number before a space must be short.
            guard digits.count <= 2 || dotted else { return nil }
        } else {
            return nil
        }
        return SectionNumber(style: .arabic, value: value, dotted: dotted, rest: rest)
    }

    private static func chinese(_ text: Substring) -> SectionNumber? {
        var rest = text
        let open = rest.first.map { "(（".contains($0) } ?? false
        if open { rest = rest.dropFirst() }
        let numerals = rest.prefix { chineseDigits[$0] != nil }
        guard !numerals.isEmpty, numerals.count <= 3 else { return nil }
        rest = rest.dropFirst(numerals.count)
        guard let separator = rest.first else { return nil }
        if open ? ")）".contains(separator) : "、.．:：".contains(separator) {
            return SectionNumber(style: .chinese, value: chineseValue(numerals), dotted: false, rest: rest.dropFirst())
        }
        return nil
    }

    private static func chapter(_ text: Substring) -> SectionNumber? {
        guard text.first == "第" else { return nil }
        let rest = text.dropFirst()
        let numerals = rest.prefix { chineseDigits[$0] != nil || ($0.isASCII && $0.isNumber) }
        guard !numerals.isEmpty, let unit = rest.dropFirst(numerals.count).first, "章節节部篇步課课".contains(unit) else { return nil }
        let value = Int(numerals) ?? chineseValue(numerals)
        return SectionNumber(style: .chapter, value: value, dotted: false, rest: rest.dropFirst(numerals.count + 1).drop { "、:：.．".contains($0) })
    }

    private static func circled(_ text: Substring) -> SectionNumber? {
        guard let scalar = text.unicodeScalars.first, (0x2460...0x2473).contains(scalar.value) else { return nil }
        return SectionNumber(style: .circled, value: Int(scalar.value - 0x2460 + 1), dotted: false, rest: text.dropFirst())
    }

    private static func step(_ text: Substring) -> SectionNumber? {
        for word in ["step", "part"] {
            guard text.count > word.count, text.prefix(word.count).lowercased() == word else { continue }
            var rest = text.dropFirst(word.count).drop { $0 == " " }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard let value = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            if let first = rest.first, ".:：、)".contains(first) { rest = rest.dropFirst() }
            guard rest.isEmpty || rest.first == " " || !(rest.first?.isASCII ?? true) else { return nil }
            return SectionNumber(style: .step, value: value, dotted: false, rest: rest)
        }
        return nil
    }

    /// 一 to 九十九, written with 十.
    static func chineseValue(_ numerals: Substring) -> Int {
        let values = numerals.compactMap { chineseDigits[$0] }
        guard let ten = values.firstIndex(of: 10) else { return values.reduce(0) { $0 * 10 + $1 } }
        let tens = ten == 0 ? 1 : values[..<ten].reduce(0) { $0 * 10 + $1 }
        return tens * 10 + values[(ten + 1)...].reduce(0) { $0 * 10 + $1 }
    }
}
