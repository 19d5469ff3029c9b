import Foundation
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

    /// Parses `text`; a syntax error becomes a `PortfolioError` at the right file line.
    public init(_ text: String, path: String, firstLine: Int = 1, kind: PortfolioError.Kind) throws(PortfolioError) {
        self.path = path
        self.firstLine = firstLine
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw PortfolioError(kind, Self.describe(error), at: Self.location(of: error, path: path, firstLine: firstLine))
        } catch {
            throw PortfolioError(kind, "\(error)", at: SourceLocation(path: path, line: firstLine))
        }
        guard let node, node.mapping != nil else {
            if node == nil || node?.null != nil {
                root = Node.mapping(Node.Mapping([]))
                return
            }
            throw PortfolioError(kind, "expected `key: value` lines", at: SourceLocation(path: path, line: firstLine))
        }
        root = node
    }

    /// The file location of a node.
    public func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(path: path, line: firstLine) }
        return SourceLocation(path: path, line: firstLine + mark.line - 1)
    }

    /// The value for a key of the root mapping.
    public subscript(key: String) -> Node? { root[key] }

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
        default:
            return "invalid YAML: \(error)"
        }
    }
}

extension Node {
    /// A scalar's text, or the texts of a sequence of scalars; nil for mappings.
    public var stringList: [String]? {
        if let seq = sequence { return seq.compactMap(\.string) }
        if case .scalar(let scalar) = self { return scalar.string.isEmpty ? [] : [scalar.string] }
        return nil
    }
}
