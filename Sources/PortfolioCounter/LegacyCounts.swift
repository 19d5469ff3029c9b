import Foundation
import PortfolioCore

/// Counts brought from another counter: busuanzi or LeanCloud exports, or an old
/// platform's 人氣 numbers. Two shapes are read:
/// - CSV with an id and a count on each line (`slug,907`); a first line whose count is
///   not a number is a header;
/// - JSON: an object of id → count, or a list of objects with an id (`id`, `slug`, `url`,
///   `path` or `key`) and a count (`views`, `count`, `time`, `times`, `pv` or `value`).
///
/// An id that is a URL or a path becomes its last segment (`/posts/stp/` → `stp`), the
/// way article ids are made. Every bad line is reported, with its line number.
public enum LegacyCounts {
    static let idKeys = ["id", "slug", "url", "path", "key"]
    static let countKeys = ["views", "count", "time", "times", "pv", "value"]
    /// The largest count taken, the same as front matter's `views` allows.
    public static let largestCount = 1_000_000_000_000

    public static func read(_ file: URL) throws(PortfolioErrors) -> [String: Int] {
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw PortfolioErrors([PortfolioError(.counter, "cannot read this file as UTF-8 text", at: SourceLocation(path: file.path, line: 1))])
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") { return try json(data, path: file.path) }
        return try csv(text, path: file.path)
    }

    static func csv(_ text: String, path: String) throws(PortfolioErrors) -> [String: Int] {
        var counts: [String: Int] = [:]
        var errors: [PortfolioError] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            if fields.allSatisfy(\.isEmpty) { continue }
            let at = SourceLocation(path: path, line: index + 1)
            guard fields.count >= 2, let count = Int(fields[1]), count >= 0, count <= largestCount, let id = id(fields[0]) else {
                if index == 0, fields.count >= 2, Int(fields[1]) == nil { continue }  // a header
                errors.append(PortfolioError(.counter, "expected `id,count` with a whole count from 0 to \(largestCount)", at: at))
                continue
            }
            counts[id] = count
        }
        guard errors.isEmpty else { throw PortfolioErrors(errors) }
        return counts
    }

    static func json(_ data: Data, path: String) throws(PortfolioErrors) -> [String: Int] {
        let at = SourceLocation(path: path, line: 1)
        guard let object = try? JSONSerialization.jsonObject(with: data) else {
            throw PortfolioErrors([PortfolioError(.counter, "this is not valid JSON", at: at)])
        }
        var pairs: [(Any?, Any?)] = []
        if let map = object as? [String: Any] {
            pairs = map.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        } else if let list = object as? [[String: Any]] {
            pairs = list.map { entry in (idKeys.lazy.compactMap { entry[$0] }.first, countKeys.lazy.compactMap { entry[$0] }.first) }
        }
        var counts: [String: Int] = [:]
        var errors: [PortfolioError] = []
        for (index, pair) in pairs.enumerated() {
            guard let raw = pair.0 as? String, let id = id(raw), let number = pair.1 as? NSNumber,
                  let count = Int(exactly: number.doubleValue), count >= 0, count <= largestCount else {
                errors.append(PortfolioError(.counter, "entry \(index + 1) has no id or no whole count from 0 to \(largestCount)", at: at))
                continue
            }
            counts[id] = count
        }
        if pairs.isEmpty { errors.append(PortfolioError(.counter, "expected an object of id → count, or a list of {id, views}", at: at)) }
        guard errors.isEmpty else { throw PortfolioErrors(errors) }
        return counts
    }

    /// The article id a field names.
    static func id(_ field: String) -> String? {
        let decoded = field.removingPercentEncoding ?? field
        var path = decoded
        if let scheme = path.range(of: "://") {
            path = String(path[scheme.upperBound...].drop { $0 != "/" })
        }
        path = String(path.prefix { $0 != "?" && $0 != "#" })
        if path.contains("/") { return CounterManifest.oldID(fromAlias: path) }
        return path.isEmpty ? nil : path
    }
}
