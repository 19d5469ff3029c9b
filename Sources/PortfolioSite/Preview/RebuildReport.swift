import Foundation

/// What one incremental build did.
public struct RebuildReport: Sendable {
    /// Source files whose bytes changed, appeared or went since the last good build.
    public var sources: [String] = []
    /// Other inputs that changed: `portfolio.yml`, `templates/`, `static/`.
    public var settings: [String] = []
    /// Whether every page was rendered again (first build, config or template change).
    public var everything = false
    /// Whether the edits kept every article in its place (they changed text, titles, tags,
    /// categories or authors, not dates, drafts or which files there are), so the last
    /// build's library was updated instead of built again.
    public var keptLibrary = false
    public var articles = 0
    /// Pages the site has, and how many of them were rendered this time.
    public var pages = 0
    public var rendered = 0
    /// Output files written (their bytes changed) and removed, relative to the folder.
    public var written: [String] = []
    public var removed: [String] = []
    /// (phase, seconds) in order.
    public var phases: [(String, Double)] = []
    public var seconds = 0.0

    /// True when the build changed only stylesheets, which a browser can swap without a reload.
    public var stylesheetsOnly: Bool {
        !written.isEmpty && removed.isEmpty && written.allSatisfy { $0.hasSuffix(".css") }
    }

    /// One line: what changed, what was done and how long it took.
    public var summary: String {
        let what = sources + settings
        let changed = what.isEmpty ? "no source changed" : what.prefix(3).joined(separator: ", ")
            + (what.count > 3 ? " and \(what.count - 3) more" : "") + " changed"
        return "\(changed): \(rendered) of \(pages) pages rendered, \(written.count) files written, "
            + "\(removed.count) removed in \(BuildLog.format(seconds))"
    }

    /// Phase timings, e.g. `content 1 ms · library 21 ms · pages 4 ms`.
    public var timings: String {
        phases.map { "\($0.0) \(BuildLog.format($0.1))" }.joined(separator: " · ")
    }
}
