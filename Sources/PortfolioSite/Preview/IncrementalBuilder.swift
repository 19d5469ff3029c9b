import Foundation
import PortfolioContent
import PortfolioCore
import PortfolioCounter
import PortfolioTemplates

/// Builds a site into the preview server's own folder and keeps it up to date. After an
/// edit it reads only the changed files again, renders only the pages whose inputs moved
/// (see `PageJob.key`) and writes only files whose bytes differ. When edits keep every
/// article in its place (they change text, titles, tags, categories or authors, not dates,
/// drafts or which files there are), the last build's library, page list, related lists and
/// sitemap are updated where the edits touch them instead of made again. After any
/// sequence of builds the folder holds byte for byte what `SiteBuilder.build` writes for
/// the same sources. A build that fails changes nothing in the folder.
///
/// One build runs at a time; calls from several threads wait for each other.
public final class IncrementalBuilder: @unchecked Sendable {
    /// The build's options; `output` is the folder kept (never the user's `public/`).
    public let options: BuildOptions
    let now: @Sendable () -> Date
    private let lock = NSLock()
    var settings = SiteSettings()
    var content = ContentTracker()
    var siteState = SiteState()
    private(set) var folderIfOpen: ServeFolder?
    /// Sources changed since the last good build.
    var pending: Set<String> = []

    /// - Parameters:
    ///   - options: what to build; `output` is the folder to keep (created if missing).
    ///   - now: "now" for leaving out future articles, asked on every build
    ///     (default: `options.now`).
    public init(options: BuildOptions, now: (@Sendable () -> Date)? = nil) {
        self.options = options
        let fixed = options.now
        self.now = now ?? { fixed }
    }

    /// Brings the folder up to date. `changes` names what a watcher saw change; the
    /// config, templates and static files are always checked, content files are checked
    /// only where named (all of them when `changes.paths` is nil or names a folder).
    /// With `deferSearch`, the search index is left for `updateSearch()` (it takes
    /// seconds on a large site); otherwise it is brought up to date too.
    /// Throws every error of every bad file; the folder then keeps the last good build.
    @discardableResult
    public func build(_ changes: SourceChanges = .unknown, deferSearch: Bool = false) throws(PortfolioErrors) -> RebuildReport {
        lock.lock()
        defer { lock.unlock() }
        let start = DispatchTime.now().uptimeNanoseconds
        var report = RebuildReport()
        var clock = PhaseClock()
        let folder = try openFolder()
        let moved = settings.refresh(options)
        report.settings = Self.settingsNames(moved, changes)
        if moved.config { content = ContentTracker() }
        if moved.config || (moved.theme && !moved.assetsOnly) { siteState.forgetPages(search: !moved.config) }
        let hinted = moved.config || !siteState.complete ? nil : changes.contentFiles()
        pending.formUnion(content.update(siteRoot: options.siteRoot, loader: ArticleLoader(config: settings.config), hinted: hinted))
        clock.lap("content")
        let errors = settings.errors + content.errors().map { $0.inStep("content") }
        guard errors.isEmpty, let theme = settings.theme else { throw PortfolioErrors(errors) }
        let when = now()
        let (library, edit) = try nextLibrary(at: when)
        clock.lap("library")
        report.everything = !siteState.complete
        report.keptLibrary = edit != nil
        try update(folder, library: library, theme: theme, edit: edit, report: &report, clock: &clock)
        if !deferSearch, let key = siteState.wantedSearchKey, key != siteState.searchKey {
            report.written += Self.commitSearch(SearchStep.files(library), key: key, state: &siteState, folder: folder) ?? []
            clock.lap("search")
        }
        report.sources = pending.sorted()
        pending = []
        report.articles = library.articles.count
        report.phases = clock.laps
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return report
    }

    /// The settings files that changed, by name when the watcher named them.
    static func settingsNames(_ moved: SiteSettings.Changes, _ changes: SourceChanges) -> [String] {
        var names: [String] = []
        for (kind, did) in [("portfolio.yml", moved.config), ("templates/", moved.theme), ("static/", moved.statics)] where did {
            let named = (changes.paths ?? []).filter { kind.hasSuffix("/") ? $0.hasPrefix(kind) : $0 == kind }.sorted()
            names += named.isEmpty ? [kind] : named
        }
        return names
    }

    /// Checks and creates the output folder without building (so a server can serve it).
    public func prepare() throws(PortfolioErrors) {
        lock.lock()
        defer { lock.unlock() }
        _ = try openFolder()
    }

    /// The articles of the last good build: slug → front matter `views` (the counter baseline).
    public func articleViews() -> [String: Int] {
        lock.lock()
        defer { lock.unlock() }
        return siteState.views
    }

    /// The counter manifest of the last good build (empty before one).
    public func counterManifest() -> CounterManifest {
        lock.lock()
        defer { lock.unlock() }
        guard let library = siteState.library else { return CounterManifest(baselines: [:], oldIDs: [:], origin: nil) }
        return CounterManifest(library: library, baselines: siteState.views)
    }

    /// The live-reload script of the site's theme (of the default theme until a theme loads).
    public func liveReloadScript() -> String {
        lock.lock()
        defer { lock.unlock() }
        return (settings.theme ?? Self.defaultTheme).liveReloadScript
    }

    /// The default theme, for the preview's own script before the site's theme has loaded.
    static let defaultTheme = try! Theme(templatesFolder: nil)

    private func openFolder() throws(PortfolioErrors) -> ServeFolder {
        if let folderIfOpen { return folderIfOpen }
        do throws(PortfolioError) {
            let opened = try ServeFolder(root: options.output, siteRoot: options.siteRoot)
            siteState.files = Set(opened.existingFiles().map(UTF8Key.init))
            folderIfOpen = opened
            return opened
        } catch {
            throw PortfolioErrors([error.inStep("output")])
        }
    }

    /// Runs `body` holding the builder's lock.
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The library and search key to compute an index for, when the index is behind.
    func searchWork() -> (Library, Int)? {
        withLock {
            guard let library = siteState.library, let key = siteState.wantedSearchKey, key != siteState.searchKey else { return nil }
            return (library, key)
        }
    }
}

/// Times the phases of a build.
struct PhaseClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(String, Double)] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((name, Double(now - last) / 1e9))
        last = now
    }
}
