import Foundation

/// The date texts the site shows and writes, all in one time zone.
public struct DateFormatting: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Year, month, day, hour, minute, second in the zone.
    public func parts(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return (c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// `2019-12-09 16:17:37`, the old platform's form.
    public func dateTime(_ date: Date) -> String {
        let p = parts(date)
        return "\(p.year)-\(pad(p.month))-\(pad(p.day)) \(pad(p.hour)):\(pad(p.minute)):\(pad(p.second))"
    }

    /// `2019-12-09`.
    public func day(_ date: Date) -> String {
        let p = parts(date)
        return "\(p.year)-\(pad(p.month))-\(pad(p.day))"
    }

    /// RFC 3339 with the zone's offset, e.g. `2019-12-09T16:17:37+08:00`.
    public func iso(_ date: Date) -> String {
        let p = parts(date)
        let offset = timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let zone = offset == 0 ? "Z" : "\(sign)\(pad(abs(offset) / 3600)):\(pad(abs(offset) % 3600 / 60))"
        return "\(p.year)-\(pad(p.month))-\(pad(p.day))T\(pad(p.hour)):\(pad(p.minute)):\(pad(p.second))\(zone)"
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
