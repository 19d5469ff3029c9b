/// An error the user can act on: what went wrong, where, and in which build step.
public struct PortfolioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of input failed.
    public enum Kind: String, Sendable {
        case config, frontMatter = "front matter", markdown, template, io, output, usage, importer = "import", link, counter, deploy
    }

    public var kind: Kind
    public var location: SourceLocation?
    public var message: String
    /// The pipeline step that reported the error, added at the pipeline boundary.
    public var step: String?

    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil, step: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.step = step
    }

    /// `path:line: kind error: message`, the form editors and terminals link to.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(kind.rawValue) error: \(message)"
        if let step { text += " [\(step)]" }
        return text
    }

    /// The same error, tagged with the step that reported it.
    public func inStep(_ name: String) -> PortfolioError {
        var copy = self
        if copy.step == nil { copy.step = name }
        return copy
    }
}

/// Several errors from one run, so that every bad file is reported at once.
public struct PortfolioErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [PortfolioError]

    public init(_ errors: [PortfolioError]) {
        self.errors = errors.sorted { $0.description < $1.description }
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
