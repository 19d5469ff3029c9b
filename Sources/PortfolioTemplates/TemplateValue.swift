import PortfolioCore

/// A value a template can show: text, numbers, flags, lists and maps. Typed, so that a
/// lookup is a dictionary access and never a dynamic cast or reflection.
public enum TemplateValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case map(TemplateMap)
    case null

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var map = TemplateMap()
        for (name, value) in elements { map[name] = value }
        self = .map(map)
    }

    public init(_ text: String) { self = .string(text) }
    public init(_ number: Int) { self = .int(number) }
    public init(_ flag: Bool) { self = .bool(flag) }
    public init(_ list: [TemplateValue]) { self = .list(list) }
    public init(_ map: TemplateMap) { self = .map(map) }

    /// False, null, empty text and empty lists hide a section; everything else shows it.
    public var isTruthy: Bool {
        switch self {
        case .bool(let b): return b
        case .null: return false
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.isEmpty
        case .int, .map: return true
        }
    }

    /// The text a `{{variable}}` shows, before escaping.
    public var text: String {
        switch self {
        case .string(let s): return s
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .list, .map, .null: return ""
        }
    }

    /// A member of a map, or nil.
    public subscript(key: String) -> TemplateValue? {
        get {
            if case .map(let m) = self { return m[key] }
            return nil
        }
        set {
            guard case .map(var m) = self else { return }
            m[key] = newValue
            self = .map(m)
        }
    }
}

extension TemplateValue {
    /// A front matter or config value, for templates.
    public init(_ yaml: YAMLValue) {
        switch yaml {
        case .string(let s), .number(let s): self = .string(s)
        case .bool(let b): self = .bool(b)
        case .null: self = .null
        case .list(let items): self = .list(items.map(TemplateValue.init))
        case .map(let dict): self = .map(TemplateMap(dict.mapValues(TemplateValue.init)))
        }
    }
}
