import PortfolioSite

/// What a deploy to a git target did: `N files changed, commit HASH in T s`, or `nothing to commit`.
public struct GitDeploySummary: Sendable, Equatable, CustomStringConvertible {
    /// Files added, changed or removed by the commit (or that would be, in a dry run).
    public var filesChanged: Int
    /// The new commit; nil when nothing changed or in a dry run.
    public var commit: String?
    /// Whether the branch was pushed (a commit, or commits an earlier push left behind).
    public var pushed: Bool
    /// The time the deploy took.
    public var seconds: Double
    /// A dry run: nothing was committed or pushed.
    public var dryRun: Bool

    /// A summary of these results.
    public init(filesChanged: Int, commit: String?, pushed: Bool, seconds: Double, dryRun: Bool) {
        self.filesChanged = filesChanged
        self.commit = commit
        self.pushed = pushed
        self.seconds = seconds
        self.dryRun = dryRun
    }

    /// `N files changed, commit HASH in T s`, or `nothing to commit in T s`.
    public var description: String {
        let time = " in \(BuildLog.format(seconds))"
        if dryRun { return "dry run, nothing changed: \(filesChanged) files would change" + time }
        guard let commit else { return "nothing to commit" + (pushed ? ", pushed the commits left from before" : "") + time }
        return "\(filesChanged) files changed, commit \(commit.prefix(12))" + time
    }
}
