/// A plain, sendable copy of a YAML value, used for unknown front matter keys that are
/// handed to templates as `params`.
public enum YAMLValue: Sendable, Hashable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case list([YAMLValue])
    case map([String: YAMLValue])
}
