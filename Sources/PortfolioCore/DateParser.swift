import Foundation

/// Reads the two date forms front matter allows: `2019-12-09 16:17:37` (in the site's
/// zone) and ISO 8601 (`2019-12-09T16:17:37+08:00`, `2019-12-09`, with or without zone).
public struct DateParser: Sendable {
    /// The zone for dates that do not name one.
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The date, or nil when the text is not one of the accepted forms.
    public func parse(_ text: String) -> Date? {
        let s = Array(text.trimmed.utf8)
        guard s.count >= 10, let year = number(s, 0, 4), s[4] == 45, let month = number(s, 5, 2), s[7] == 45,
              let day = number(s, 8, 2) else { return nil }
        var hour = 0, minute = 0, second = 0, nanos = 0
        var index = 10
        if index < s.count, s[index] == 84 || s[index] == 32 || s[index] == 116 {
            guard s.count >= index + 6, let h = number(s, index + 1, 2), s[index + 3] == 58,
                  let m = number(s, index + 4, 2) else { return nil }
            hour = h; minute = m; index += 6
            if index + 2 < s.count + 0, index < s.count, s[index] == 58 {
                guard let sec = number(s, index + 1, 2) else { return nil }
                second = sec; index += 3
            }
            if index < s.count, s[index] == 46 {
                var digits = 0, fraction = 0
                index += 1
                while index < s.count, s[index] >= 48, s[index] <= 57 {
                    if digits < 9 { fraction = fraction * 10 + Int(s[index] - 48); digits += 1 }
                    index += 1
                }
                nanos = fraction * Int(pow(10.0, Double(9 - digits)))
            }
        }
        while index < s.count, s[index] == 32 { index += 1 }
        var zone = timeZone
        if index < s.count {
            guard let parsed = Self.zone(Array(s[index...])) else { return nil }
            zone = parsed
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanos)
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61,
              let date = calendar.date(from: parts) else { return nil }
        return date
    }

    /// Parses `Z`, `+08:00`, `+0800` or `+08`.
    static func zone(_ s: [UInt8]) -> TimeZone? {
        if s == [90] || s == [122] { return TimeZone(secondsFromGMT: 0) }
        guard let sign = s.first, sign == 43 || sign == 45 else { return nil }
        let digits = s.dropFirst().filter { $0 != 58 }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let d = digits.map { Int($0 - 48) }
        let hours = d[0] * 10 + d[1]
        let minutes = d.count == 4 ? d[2] * 10 + d[3] : 0
        guard hours <= 14, minutes < 60 else { return nil }
        let seconds = (hours * 3600 + minutes * 60) * (sign == 45 ? -1 : 1)
        return TimeZone(secondsFromGMT: seconds)
    }

    private func number(_ s: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start + length <= s.count else { return nil }
        var value = 0
        for byte in s[start..<(start + length)] {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// A zone from config: `+08:00`-style offsets or an IANA name such as `Asia/Taipei`.
    public static func timeZone(named name: String) -> TimeZone? {
        if let zone = zone(Array(name.utf8)) { return zone }
        return TimeZone(identifier: name)
    }
}
