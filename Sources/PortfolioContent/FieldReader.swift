import Foundation
import PortfolioCore
import Yams

/// Reads typed front matter values, collecting every error with its line.
struct FieldReader {
    let doc: YAMLDocument
    let dates: DateParser
    var errors: [PortfolioError] = []

    init(doc: YAMLDocument, dates: DateParser) {
        self.doc = doc
        self.dates = dates
    }

    private func value(_ key: String) -> Node? {
        guard let node = doc[key] else { return nil }
        if case .scalar(let s) = node, s.style == .plain, node.isNullValue { return nil }
        return node
    }

    mutating func fail(_ key: String, _ message: String) {
        let node = doc[key]
        errors.append(PortfolioError(.frontMatter, message, at: doc.location(of: node)))
    }

    mutating func string(_ key: String) -> String? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let s) = node else { fail(key, "`\(key)` must be text"); return nil }
        return s.string.trimmed
    }

    mutating func requiredString(_ key: String) -> String? {
        guard let text = string(key) else {
            if doc[key] == nil || value(key) == nil {
                errors.append(PortfolioError(.frontMatter, "`\(key)` is required", at: SourceLocation(path: doc.path, line: doc.firstLine)))
            }
            return nil
        }
        if text.isEmpty { fail(key, "`\(key)` is empty") ; return nil }
        return text
    }

    mutating func date(_ key: String, required: Bool) -> Date? {
        guard let node = value(key), case .scalar(let s) = node else {
            if required {
                errors.append(PortfolioError(.frontMatter, "`\(key)` is required (e.g. 2019-12-09 16:17:37)",
                                             at: doc[key].map { doc.location(of: $0) } ?? SourceLocation(path: doc.path, line: doc.firstLine)))
            }
            return nil
        }
        guard let date = dates.parse(s.string) else {
            fail(key, "cannot read date `\(s.string)`: use 2019-12-09 16:17:37 or 2019-12-09T16:17:37+08:00")
            return nil
        }
        return date
    }

    mutating func list(_ key: String) -> [String]? {
        guard let node = value(key) else { return nil }
        guard let list = node.stringList, node.sequence?.allSatisfy({ $0.string != nil }) ?? true else {
            fail(key, "`\(key)` must be a list of names, e.g. [行銷, STP]")
            return nil
        }
        if node.sequence == nil, let text = node.string, text.contains(",") || text.contains("，") {
            return text.split(whereSeparator: { $0 == "," || $0 == "，" }).map { String($0) }
        }
        return list
    }

    mutating func count(_ key: String) -> Int {
        guard let node = value(key) else { return 0 }
        guard let n = node.intValue, n >= 0 else { fail(key, "`\(key)` must be a whole number ≥ 0"); return 0 }
        return n
    }

    mutating func bool(_ key: String) -> Bool {
        guard let node = value(key) else { return false }
        guard let b = node.boolValue else { fail(key, "`\(key)` must be true or false"); return false }
        return b
    }
}
