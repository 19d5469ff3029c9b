import Foundation

/// What `portfolio serve` was asked to do.
public struct ServeOptions: Sendable {
    /// The site folder (holds `portfolio.yml`, `content/`, `templates/`, `static/`).
    public var siteRoot: URL
    /// The address to listen on; loopback unless told otherwise.
    public var host: String
    public var port: Int
    public var drafts: Bool
    /// The server's own build folder (never the user's `public/`).
    public var folder: URL
    /// Where view counts are kept; nil keeps them in memory only.
    public var viewsFile: URL?
    /// Watch by polling instead of inotify.
    public var poll: Bool
    /// How long to wait after a change before building, so an editor's save (often a
    /// write, a rename and a chmod) is seen as one change.
    public var settle: Duration

    /// - Parameters:
    ///   - folder: the build folder; default `.portfolio/serve` in the site folder.
    ///   - viewsFile: default (`.none`) `.portfolio/views.json` in the site folder;
    ///     `.some(nil)` keeps counts in memory.
    public init(siteRoot: URL, host: String = "127.0.0.1", port: Int = 4000, drafts: Bool = false, folder: URL? = nil,
                viewsFile: URL?? = .none, poll: Bool = false, settle: Duration = .milliseconds(5)) {
        self.siteRoot = siteRoot.standardizedFileURL
        self.host = host
        self.port = port
        self.drafts = drafts
        let state = self.siteRoot.appendingPathComponent(".portfolio")
        self.folder = folder ?? state.appendingPathComponent("serve")
        self.viewsFile = viewsFile ?? state.appendingPathComponent("views.json")
        self.poll = poll
        self.settle = settle
    }

    /// The URL browsers open, e.g. `http://127.0.0.1:4000/`.
    public func url(port actual: Int? = nil) -> String {
        let shown = ["0.0.0.0", "::", ""].contains(host) ? "localhost" : host
        let bracketed = shown.contains(":") ? "[\(shown)]" : shown
        return "http://\(bracketed):\(actual ?? port)/"
    }

    /// Whether only this machine can connect.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
