import Foundation

/// How an import run behaves.
public struct ImportOptions: Sendable, Hashable {
    /// The folder the articles go to, e.g. `content/posts`.
    public var into: String
    /// Report what would be written, write nothing.
    public var dryRun: Bool
    /// Overwrite a target file that exists with different content.
    public var force: Bool
    /// Import empty posts as drafts instead of skipping them.
    public var keepEmpty: Bool
    /// The platform's clock, for reading and writing dates.
    public var timeZone: TimeZone
    /// Tags the site already uses (`--tags-from-site`): each post gets those its title or
    /// body mentions.
    public var siteTags: [String] = []

    /// Options with the command's defaults.
    public init(into: String = "content/posts", dryRun: Bool = false, force: Bool = false, keepEmpty: Bool = false,
                timeZone: TimeZone = EportfolioParser.platformTimeZone) {
        self.into = into
        self.dryRun = dryRun
        self.force = force
        self.keepEmpty = keepEmpty
        self.timeZone = timeZone
    }
}
