import PortfolioSite

/// Tells the preview server which files of the site changed.
public protocol FileWatcher: Sendable {
    /// What is watched and how, for the start line.
    var description: String { get }
    /// Starts watching; `onChange` gets site-relative paths (`content/posts/a.md`,
    /// `portfolio.yml`), or unknown changes when the watcher lost track.
    func start(_ onChange: @escaping @Sendable (SourceChanges) -> Void) throws
    /// Stops watching (a report already under way may still arrive).
    func stop()
}

/// A watcher that reports what it is told to, for tests and for tools that know what
/// they changed.
public final class ManualWatcher: FileWatcher, @unchecked Sendable {
    private let handler = Locked<(@Sendable (SourceChanges) -> Void)?>(nil)

    public init() {}

    public var description: String { "changes reported by hand" }

    public func start(_ onChange: @escaping @Sendable (SourceChanges) -> Void) {
        handler.withValue { $0 = onChange }
    }

    public func stop() {
        handler.withValue { $0 = nil }
    }

    /// Reports that `paths` changed (nil: anything may have changed).
    public func trigger(_ paths: Set<String>?) {
        handler.current?(SourceChanges(paths: paths))
    }
}
