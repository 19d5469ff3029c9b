import Foundation
import PortfolioCore
import Yams

/// A parsed YAML mapping that remembers where each key came from, so that a bad value
/// can be reported as `file:line`.
public struct YAMLDocument: @unchecked Sendable {
    /// The root node; a mapping for front matter and config.
    public let root: Node
    /// The file the YAML came from.
    public let path: String
    /// The file line of the YAML's first line (front matter starts after `---`).
    public let firstLine: Int
    /// The root mapping's values by key (the last one wins, as in Yams); Yams's own
    /// lookup builds a node and compares every pair, too slow for 10,000 files.
    private let values: [String: Node]

    /// Parses `text`; a syntax error becomes a `PortfolioError` at the right file line.
    public init(_ text: String, path: String, firstLine: Int = 1, kind: PortfolioError.Kind) throws(PortfolioError) {
        self.path = path
        self.firstLine = firstLine
        let node: Node?
        do {
            // The basic resolver skips Yams's regular-expression tag matching, the slowest
            // part of parsing; values are typed by the readers below instead.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw PortfolioError(kind, Self.describe(error), at: Self.location(of: error, path: path, firstLine: firstLine))
        } catch {
            throw PortfolioError(kind, "\(error)", at: SourceLocation(path: path, line: firstLine))
        }
        guard let node, node.mapping != nil else {
            if node == nil || node?.isNullValue == true {
                root = Node.mapping(Node.Mapping([]))
                values = [:]
                return
            }
            throw PortfolioError(kind, "expected `key: value` lines", at: SourceLocation(path: path, line: firstLine))
        }
        root = node
        var values: [String: Node] = [:]
        for (key, value) in node.mapping ?? Node.Mapping([]) {
            if let name = key.string { values[name] = value }
        }
        self.values = values
    }

    /// The file location of a node.
    public func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(path: path, line: firstLine) }
        return SourceLocation(path: path, line: firstLine + mark.line - 1)
    }

    /// The value for a key of the root mapping.
    public subscript(key: String) -> Node? { values[key] }

    /// All keys of the root mapping, in file order.
    public var keys: [String] {
        root.mapping?.keys.compactMap(\.string) ?? []
    }

    static func location(of error: YamlError, path: String, firstLine: Int) -> SourceLocation {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return SourceLocation(path: path, line: firstLine + mark.line - 1)
        case let .duplicatedKeysInMapping(_, context):
            return SourceLocation(path: path, line: firstLine + context.mark.line - 1)
        case let .reader(_, offset?, _, yaml):
            // The reader (bad characters) gives an offset in characters, not a line.
            let line = yaml.prefix(offset).reduce(0) { $1.isNewline ? $0 + 1 : $0 }
            return SourceLocation(path: path, line: firstLine + line)
        default:
            return SourceLocation(path: path, line: firstLine)
        }
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            if let context { return "invalid YAML: \(problem) (\(context.text))" }
            return "invalid YAML: \(problem)"
        case let .duplicatedKeysInMapping(duplicates, _):
            return "duplicate key: \(duplicates.joined(separator: ", "))"
        case let .reader(problem, _, value, _):
            return "invalid YAML: \(problem) (U+\(String(format: "%04X", value)))"
        default:
            return "invalid YAML: \(error)"
        }
    }
}

extension Node {
    /// A whole number written plainly: `907`, `-3`, `+5`.
    public var intValue: Int? { RawYAML(self).intValue }

    /// `true`/`false` (and YAML 1.1's yes/no/on/off), written plainly.
    public var boolValue: Bool? { RawYAML(self).boolValue }

    /// An empty value, `~` or `null`, written plainly.
    public var isNullValue: Bool { RawYAML(self).isNullValue }

    /// A scalar's text, or the texts of a sequence of scalars; nil for mappings.
    public var stringList: [String]? { RawYAML(self).stringList }
}
