import Foundation

/// What changed in the site folder since the last build, as a file watcher saw it.
public struct SourceChanges: Sendable, Hashable {
    /// Site-relative paths of changed files or folders (`content/posts/a.md`,
    /// `templates/article.mustache`, `portfolio.yml`); nil when unknown, which makes the
    /// next build look at every source.
    public var paths: Set<String>?

    /// Every source may have changed.
    public static let unknown = SourceChanges(paths: nil)

    public init(paths: Set<String>?) {
        self.paths = paths
    }

    /// Content files named by the changes, or nil when the content folder must be scanned
    /// again (unknown changes, or a folder or something other than Markdown changed).
    func contentFiles() -> Set<String>? {
        guard let paths else { return nil }
        var files: Set<String> = []
        for path in paths where path == "content" || path.hasPrefix("content/") {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }  // hidden, like the build
            guard path.hasSuffix(".md") || path.hasSuffix(".markdown") else { return nil }
            files.insert(path)
        }
        return files
    }
}
