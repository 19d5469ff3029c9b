/// A place in a source file: a path (relative to the site root where possible) and a 1-based line.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file's path as it should be shown to the user.
    public var path: String
    /// 1-based line number, or nil when the whole file is meant.
    public var line: Int?

    public init(path: String, line: Int? = nil) {
        self.path = path
        self.line = line
    }

    /// `path:line`, or just `path`.
    public var description: String {
        if let line { return "\(path):\(line)" }
        return path
    }
}
