import PortfolioCore

/// One error of a failed build, as the browser overlay shows it.
public struct BuildProblem: Sendable, Hashable {
    /// The file, relative to the site folder, and the 1-based line, when known.
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// The error with its kind and step in the message.
    public init(_ error: PortfolioError) {
        file = error.location?.path ?? ""
        line = error.location?.line
        message = "\(error.kind.rawValue) error: \(error.message)" + (error.step.map { " [\($0)]" } ?? "")
    }

    var json: String {
        "{\"file\":\(Escape.jsonString(file)),\"line\":\(line.map(String.init) ?? "null"),\"message\":\(Escape.jsonString(message))}"
    }
}

/// What the server tells the browsers on its event stream (server-sent events).
public enum ServerEvent: Sendable, Hashable {
    /// The state on connecting: the build being served and the errors of the last build.
    case hello(build: String, problems: [BuildProblem])
    /// A build finished: reload the page.
    case reload(build: String)
    /// A build changed only stylesheets: swap them without reloading.
    case stylesheets(build: String)
    /// A build failed: show these over the page (the last good build stays served).
    case failed([BuildProblem])
    /// A comment that keeps idle connections open.
    case ping

    /// The event's name on the stream.
    public var name: String {
        switch self {
        case .hello: return "hello"
        case .reload: return "reload"
        case .stylesheets: return "css"
        case .failed: return "errors"
        case .ping: return ""
        }
    }

    /// The event in the `text/event-stream` format.
    public var text: String {
        switch self {
        case let .hello(build, problems):
            return "event: hello\ndata: {\"build\":\(Escape.jsonString(build)),\"errors\":\(Self.list(problems))}\n\n"
        case .reload(let build), .stylesheets(let build):
            return "event: \(name)\ndata: {\"build\":\(Escape.jsonString(build))}\n\n"
        case .failed(let problems):
            return "event: errors\ndata: {\"errors\":\(Self.list(problems))}\n\n"
        case .ping:
            return ": ping\n\n"
        }
    }

    static func list(_ problems: [BuildProblem]) -> String {
        "[" + problems.map(\.json).joined(separator: ",") + "]"
    }
}
