import PortfolioCore

/// The top-level keys of an article's front matter, each with its value as written and
/// the file line where the value starts, so that a bad value is reported as `file:line`.
///
/// Most front matter is a handful of `key: value` lines, which `scan` reads directly;
/// anything beyond that simple form (and every syntax error) goes to Yams, so what is
/// accepted, and the errors, are Yams's.
public struct FrontMatterFields: Sendable {
    /// One top-level value and the file line it starts on.
    public struct Entry: Sendable, Hashable {
        public var value: RawYAML
        public var line: Int
    }

    /// The file the front matter came from.
    public let path: String
    /// The file line of the YAML's first line.
    public let firstLine: Int
    /// Keys in file order.
    public private(set) var keys: [String] = []
    private var entries: [String: Entry] = [:]

    /// Reads `yaml`, the text between the `---` lines, whose first line is `firstLine`
    /// of the file at `path`.
    public init(_ yaml: String, path: String, firstLine: Int) throws(PortfolioError) {
        if let fast = Self(scanning: yaml, path: path, firstLine: firstLine) {
            self = fast
        } else {
            try self.init(parsing: yaml, path: path, firstLine: firstLine)
        }
    }

    /// Reads `yaml` with Yams.
    init(parsing yaml: String, path: String, firstLine: Int) throws(PortfolioError) {
        let doc = try YAMLDocument(yaml, path: path, firstLine: firstLine, kind: .frontMatter)
        self.init(path: path, firstLine: firstLine)
        for key in doc.keys where entries[key] == nil {
            guard let node = doc[key] else { continue }
            let line = doc.location(of: node).line ?? firstLine
            add(key, Entry(value: RawYAML(node), line: line))
        }
    }

    init(path: String, firstLine: Int) {
        self.path = path
        self.firstLine = firstLine
    }

    /// The value of a top-level key.
    public subscript(key: String) -> Entry? { entries[key] }

    /// Adds a key; false when it is already there.
    @discardableResult
    mutating func add(_ key: String, _ entry: Entry) -> Bool {
        guard entries.updateValue(entry, forKey: key) == nil else { return false }
        keys.append(key)
        return true
    }

    /// The location of a key's value, or of the front matter when the key is missing.
    public func location(of key: String) -> SourceLocation {
        SourceLocation(path: path, line: entries[key]?.line ?? firstLine)
    }
}
