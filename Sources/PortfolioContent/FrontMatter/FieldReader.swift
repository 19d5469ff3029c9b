import Foundation
import PortfolioCore

/// Reads typed front matter values, collecting every error with its line.
struct FieldReader {
    let fields: FrontMatterFields
    let dates: DateParser
    var errors: [PortfolioError] = []

    init(fields: FrontMatterFields, dates: DateParser) {
        self.fields = fields
        self.dates = dates
    }

    private func value(_ key: String) -> RawYAML? {
        guard let value = fields[key]?.value, !value.isNullValue else { return nil }
        return value
    }

    mutating func fail(_ key: String, _ message: String) {
        errors.append(PortfolioError(.frontMatter, message, at: fields.location(of: key)))
    }

    mutating func string(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.string else { fail(key, "`\(key)` must be text"); return nil }
        return text.trimmed
    }

    mutating func requiredString(_ key: String) -> String? {
        guard let text = string(key) else {
            if value(key) == nil {
                errors.append(PortfolioError(.frontMatter, "`\(key)` is required", at: SourceLocation(path: fields.path, line: fields.firstLine)))
            }
            return nil
        }
        if text.isEmpty { fail(key, "`\(key)` is empty") ; return nil }
        return text
    }

    mutating func date(_ key: String, required: Bool) -> Date? {
        guard let text = value(key)?.string else {
            if required {
                errors.append(PortfolioError(.frontMatter, "`\(key)` is required (e.g. 2019-12-09 16:17:37)", at: fields.location(of: key)))
            }
            return nil
        }
        guard let date = dates.parse(text) else {
            fail(key, "cannot read date `\(text)`: use 2019-12-09 16:17:37 or 2019-12-09T16:17:37+08:00")
            return nil
        }
        return date
    }

    mutating func list(_ key: String) -> [String]? {
        guard let value = value(key) else { return nil }
        guard let list = value.stringList, value.sequence?.allSatisfy({ $0.string != nil }) ?? true else {
            fail(key, "`\(key)` must be a list of names, e.g. [行銷, STP]")
            return nil
        }
        if value.sequence == nil, let text = value.string, text.contains(",") || text.contains("，") {
            return text.split(whereSeparator: { $0 == "," || $0 == "，" }).map { String($0) }
        }
        return list
    }

    /// The largest count front matter may give (a trillion views): far above any real
    /// count, and far enough below `Int.max` that live counts added to it cannot overflow.
    static let largestCount = 1_000_000_000_000

    mutating func count(_ key: String) -> Int {
        guard let value = value(key) else { return 0 }
        guard let n = value.intValue, n >= 0, n <= Self.largestCount else {
            fail(key, "`\(key)` must be a whole number from 0 to \(Self.largestCount)")
            return 0
        }
        return n
    }

    mutating func bool(_ key: String) -> Bool {
        guard let value = value(key) else { return false }
        guard let b = value.boolValue else { fail(key, "`\(key)` must be true or false"); return false }
        return b
    }
}
