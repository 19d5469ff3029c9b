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
            if let bool = node.boolValue { self = .bool(bool) }
            else if node.intValue != nil || (scalar.style == .plain && Double(scalar.string) != nil) { self = .number(scalar.string) }
            else if node.isNullValue { self = .null }
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

}
