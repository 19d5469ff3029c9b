import Foundation
import PortfolioCore

/// A post's header line: `by AUTHOR YYYY-MM-DD HH:MM:SS, 回應(REPLIES), 人氣(VIEWS)`.
public struct EportfolioHeader: Sendable, Hashable {
    /// The writer's name as the platform shows it.
    public var author: String
    /// When the post was published.
    public var date: Date
    /// The date as written on the line, e.g. `2021-05-04 09:15:02` (platform time).
    public var dateText: String
    /// The `回應` count.
    public var replies: Int
    /// The `人氣` (views) count.
    public var views: Int

    /// Whether `line` is meant as a header: it starts with `by ` and carries both counters.
    /// Such a line that does not parse is an error, never body text.
    public static func isHeader(_ line: String) -> Bool {
        let text = EportfolioText.trimmed(line)
        return (text.hasPrefix("by ") || text.hasPrefix("By ")) && text.contains("回應") && text.contains("人氣")
    }

    /// Reads a header line; `location` is where errors point. Dates are read in `dates`' zone.
    public static func parse(_ line: String, at location: SourceLocation, dates: DateParser) throws(PortfolioError) -> EportfolioHeader {
        let text = EportfolioText.trimmed(line)
        func fail(_ message: String) -> PortfolioError {
            PortfolioError(.importer, "post header `\(text)`: \(message)", at: location)
        }
        guard let repliesRange = text.range(of: "回應") else { throw fail("no 回應(N) count") }
        guard let replies = counter(after: "回應", in: text) else { throw fail("cannot read the 回應(N) count") }
        guard let views = counter(after: "人氣", in: text) else { throw fail("cannot read the 人氣(N) count") }
        let head = text[..<repliesRange.lowerBound].dropFirst(3)
            .trimmingCharacters(in: CharacterSet(charactersIn: ",，").union(.whitespaces))
        let words = head.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count >= 3 else {
            throw fail("expected `by AUTHOR YYYY-MM-DD HH:MM:SS` before the counts")
        }
        let dateText = words[words.count - 2] + " " + words[words.count - 1]
        guard let date = parseDate(dateText, dates: dates) else {
            throw fail("cannot read the date `\(dateText)` (expected YYYY-MM-DD HH:MM:SS, Taiwan time)")
        }
        let author = words.dropLast(2).joined(separator: " ")
        return EportfolioHeader(author: author, date: date, dateText: dateText, replies: replies, views: views)
    }

    /// The date, if `text` is a real calendar date and time (2021-02-30 is refused, not rolled over).
    static func parseDate(_ text: String, dates: DateParser) -> Date? {
        guard text.first?.isNumber == true, let date = dates.parse(text) else { return nil }
        let written = DateFormatting(timeZone: dates.timeZone).dateTime(date)
        return written.hasPrefix(text) ? date : nil
    }

    /// The number in parentheses after `label`, e.g. `431` in `人氣(431)`; thousands separators allowed.
    static func counter(after label: String, in text: String) -> Int? {
        guard let range = text.range(of: label) else { return nil }
        var rest = text[range.upperBound...].drop(while: \.isWhitespace)
        guard let open = rest.first, open == "(" || open == "（" else { return nil }
        rest = rest.dropFirst()
        guard let close = rest.firstIndex(where: { $0 == ")" || $0 == "）" }) else { return nil }
        let digits = rest[..<close].filter { $0 != "," && !$0.isWhitespace }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int(digits), value >= 0 else { return nil }
        return value
    }
}
