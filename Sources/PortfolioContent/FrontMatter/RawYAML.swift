import PortfolioCore
import Yams

/// A YAML value as written, before any typing: a scalar's text and whether it was
/// plain (unquoted), a sequence or a mapping. Front matter is read into this form,
/// either by `FrontMatterFields`'s own scanner or from a Yams node.
public indirect enum RawYAML: Sendable, Hashable {
    case scalar(String, plain: Bool)
    case sequence([RawYAML])
    case mapping([Pair])
    /// An alias (`*name`); nothing reads it as text.
    case alias

    /// One key and value of a mapping, in file order.
    public struct Pair: Sendable, Hashable {
        public var key: String?
        public var value: RawYAML
    }

    /// A copy of a Yams node.
    public init(_ node: Node) {
        switch node {
        case .scalar(let s): self = .scalar(s.string, plain: s.style == .plain)
        case .sequence(let seq): self = .sequence(seq.map(RawYAML.init))
        case .mapping(let map): self = .mapping(map.map { Pair(key: $0.key.string, value: RawYAML($0.value)) })
        case .alias: self = .alias
        }
    }

    /// A scalar's text, quoted or not.
    public var string: String? {
        if case .scalar(let text, _) = self { return text }
        return nil
    }

    /// A plain (unquoted) scalar's text.
    public var plainText: String? {
        if case .scalar(let text, true) = self { return text }
        return nil
    }

    /// The items of a sequence.
    public var sequence: [RawYAML]? {
        if case .sequence(let items) = self { return items }
        return nil
    }

    /// A whole number written plainly: `907`, `-3`, `+5`.
    public var intValue: Int? { plainText.flatMap { Int($0) } }

    /// `true`/`false` (and YAML 1.1's yes/no/on/off), written plainly.
    public var boolValue: Bool? { plainText.flatMap(Self.bool(plain:)) }

    /// An empty value, `~` or `null`, written plainly.
    public var isNullValue: Bool { plainText.map(Self.isNull(plain:)) ?? false }

    /// A scalar's text, or the texts of a sequence's scalars; nil for mappings.
    public var stringList: [String]? {
        switch self {
        case .sequence(let items): return items.compactMap(\.string)
        case .scalar(let text, _): return text.isEmpty ? [] : [text]
        default: return nil
        }
    }

    static func bool(plain text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    static func isNull(plain text: String) -> Bool {
        text.isEmpty || text == "~" || text.lowercased() == "null"
    }
}
