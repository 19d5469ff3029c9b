import Foundation
import PortfolioCore
import Yams

extension DeployTargetReader {
    /// A text field that must be there and not be empty.
    mutating func required(_ path: String, _ key: String, _ fields: Node.Mapping, at node: Node, example: String) -> String? {
        guard let value = text(path, key, fields) else {
            if fields[key] == nil { fail(path, "needs `\(key)`, e.g. `\(key): \(example)`", node) }
            return nil
        }
        if value.isEmpty { fail("\(path).\(key)", "must not be empty, e.g. `\(key): \(example)`", fields[key]) }
        return value.isEmpty ? nil : value
    }

    /// A text field, or nil when it is missing or not text (an error then).
    mutating func text(_ path: String, _ key: String, _ fields: Node.Mapping) -> String? {
        guard let node = fields[key] else { return nil }
        guard case .scalar(let scalar) = node else {
            fail("\(path).\(key)", "expected text", node)
            return nil
        }
        return scalar.string
    }

    mutating func number(_ path: String, _ key: String, _ fields: Node.Mapping, in range: ClosedRange<Int>) -> Int? {
        guard let node = fields[key] else { return nil }
        guard let value = node.intValue, range.contains(value) else {
            let limit = range.upperBound == Int.max ? "≥ \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
            fail("\(path).\(key)", "expected a whole number \(limit)", node)
            return nil
        }
        return value
    }

    /// Every key that is not one of `known`, with the nearest known key.
    mutating func checkKeys(_ path: String, _ fields: Node.Mapping, known: [String]) {
        for (key, _) in fields {
            guard let name = key.string, !known.contains(name), !Self.isSecret(name) else { continue }
            var message = "unknown key `\(name)`"
            if let near = PortfolioWarning.nearest(name, in: known) { message += "; did you mean `\(near)`?" }
            else { message += " (known keys: \(known.joined(separator: ", ")))" }
            fail("\(path).\(name)", message, key)
        }
    }

    /// A credential written in the file is refused, at its line.
    mutating func refuseSecrets(_ path: String, _ fields: Node.Mapping) {
        for (key, _) in fields {
            guard let name = key.string, Self.isSecret(name) else { continue }
            fail("\(path).\(name)", "credentials are never read from portfolio.yml (it is usually committed); remove this line "
                + "and set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) in the environment", key)
        }
    }

    static func isSecret(_ key: String) -> Bool {
        let lower = key.lowercased()
        return secretWords.contains { lower.contains($0) }
    }

    mutating func fail(_ key: String, _ message: String, _ at: Node?) {
        errors.append(PortfolioError(.config, "\(key): \(message)", at: doc.location(of: at)))
    }
}
