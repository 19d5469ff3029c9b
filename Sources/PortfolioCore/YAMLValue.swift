import Yams

/// A plain, sendable copy of a YAML value, used for unknown front matter keys that are
/// handed to templates as `params`.
public enum YAMLValue: Sendable, Hashable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case list([YAMLValue])
    case map([String: YAMLValue])

    /// Converts a Yams node, resolving scalars to bool/number/string.
    public init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            if let bool = node.bool, scalar.style == .plain { self = .bool(bool) }
            else if scalar.style == .plain, node.int != nil || node.float != nil { self = .number(scalar.string) }
            else if scalar.style == .plain, node.null != nil { self = .null }
            else { self = .string(scalar.string) }
        case .sequence(let seq):
            self = .list(seq.map(YAMLValue.init))
        case .mapping(let map):
            var out: [String: YAMLValue] = [:]
            for (key, value) in map { if let k = key.string { out[k] = YAMLValue(value) } }
            self = .map(out)
        case .alias:
            self = .null
        }
    }

    /// A value for a Mustache context: strings, booleans, arrays and dictionaries.
    public var templateValue: Any {
        switch self {
        case .string(let s), .number(let s): return s
        case .bool(let b): return b
        case .null: return false
        case .list(let items): return items.map(\.templateValue)
        case .map(let dict): return dict.mapValues(\.templateValue)
        }
    }
}
