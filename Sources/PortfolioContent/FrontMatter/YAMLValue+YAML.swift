import PortfolioCore
import Yams

/// Reading a `YAMLValue` from parsed YAML.
extension YAMLValue {
    /// Converts a Yams node, resolving scalars to bool/number/string.
    public init(_ node: Node) {
        self.init(RawYAML(node))
    }

    /// Resolves a value as written: plain scalars to bool, number or null, the rest to text.
    public init(_ raw: RawYAML) {
        switch raw {
        case .scalar(let text, let plain):
            if let bool = raw.boolValue { self = .bool(bool) }
            else if raw.intValue != nil || (plain && Double(text) != nil) { self = .number(text) }
            else if raw.isNullValue { self = .null }
            else { self = .string(text) }
        case .sequence(let items):
            self = .list(items.map(YAMLValue.init))
        case .mapping(let pairs):
            var out: [String: YAMLValue] = [:]
            for pair in pairs { if let key = pair.key { out[key] = YAMLValue(pair.value) } }
            self = .map(out)
        case .alias:
            self = .null
        }
    }
}
