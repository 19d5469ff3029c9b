import PortfolioCore

/// One thing `portfolio check` found, at the page and line where it is:
/// `posts/x/index.html:12: link error: broken link to /posts/y/`.
public struct CheckProblem: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    /// The file below the output folder, and the 1-based line.
    public var path: String
    public var line: Int
    public var message: String

    public init(_ severity: Severity, _ path: String, line: Int, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "\(path):\(line): link \(severity.rawValue): \(message)" }

    /// The problem as an error of a build, for `publish`.
    public var asError: PortfolioError {
        PortfolioError(.link, message, at: SourceLocation(path: path, line: line), step: "check")
    }

    public static func < (a: CheckProblem, b: CheckProblem) -> Bool {
        (a.path, a.line, a.message) < (b.path, b.line, b.message)
    }
}

/// What a check found: every problem, sorted, and how much it looked at.
public struct CheckReport: Sendable {
    public var problems: [CheckProblem]
    public var pages: Int
    public var references: Int
    /// External addresses and where each one is used, for `--external`.
    public var external: [String: [ExternalUse]] = [:]

    public var errors: [CheckProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [CheckProblem] { problems.filter { $0.severity == .warning } }
}

/// A page and line where an external address is used.
public struct ExternalUse: Sendable, Hashable {
    public var path: String
    public var line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }
}
