import Foundation
import PortfolioContent
import PortfolioCore
import PortfolioTemplates

/// Builds a site into the preview server's own folder and keeps it up to date. After an
/// edit it reads only the changed files again, renders only the pages whose inputs moved
/// (see `PageJob.key`) and writes only files whose bytes differ. After any sequence of
/// builds the folder holds byte for byte what `SiteBuilder.build` writes for the same
/// sources. A build that fails changes nothing in the folder.
///
/// One build runs at a time; calls from several threads wait for each other.
public final class IncrementalBuilder: @unchecked Sendable {
    /// The build's options; `output` is the folder kept (never the user's `public/`).
    public let options: BuildOptions
    private let now: @Sendable () -> Date
    private let lock = NSLock()
    private var settings = SiteSettings()
    private var content = ContentTracker()
    var siteState = SiteState()
    private(set) var folderIfOpen: ServeFolder?
    /// Sources changed since the last good build.
    private var pending: Set<String> = []
    /// The library of the last good build.
    private var served: Library?

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
        report.settings = (moved.config ? ["portfolio.yml"] : []) + (moved.theme ? ["templates/"] : []) + (moved.statics ? ["static/"] : [])
        if moved.config { content = ContentTracker() }
        if moved.config || moved.theme { siteState.forgetPages(search: !moved.config) }
        let hinted = moved.config || !siteState.complete ? nil : changes.contentFiles()
        let loader = ArticleLoader(config: settings.config)
        pending.formUnion(content.update(siteRoot: options.siteRoot, loader: loader, hinted: hinted))
        clock.lap("content")
        let (articles, contentErrors) = content.loaded()
        let errors = settings.errors + contentErrors.map { $0.inStep("content") }
        guard errors.isEmpty, let theme = settings.theme else { throw PortfolioErrors(errors) }
        let library = try makeLibrary(articles)
        clock.lap("library")
        report.everything = !siteState.complete
        try update(folder, library: library, theme: theme, report: &report, clock: &clock)
        if !deferSearch, let key = siteState.wantedSearchKey, key != siteState.searchKey {
            report.written += Self.commitSearch(SearchStep.files(library), key: key, state: &siteState, folder: folder) ?? []
            clock.lap("search")
        }
        report.sources = pending.sorted()
        pending = []
        served = library
        report.articles = library.articles.count
        report.phases = clock.laps
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return report
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
        var views: [String: Int] = [:]
        for article in served?.articles ?? [] { views[article.slug] = article.views }
        return views
    }

    private func openFolder() throws(PortfolioErrors) -> ServeFolder {
        if let folderIfOpen { return folderIfOpen }
        do throws(PortfolioError) {
            let opened = try ServeFolder(root: options.output, siteRoot: options.siteRoot)
            siteState.files = opened.existingFiles()
            folderIfOpen = opened
            return opened
        } catch {
            throw PortfolioErrors([error.inStep("output")])
        }
    }

    private func makeLibrary(_ articles: [Article]) throws(PortfolioErrors) -> Library {
        let selection = Library.Selection(drafts: options.drafts, future: options.future, now: now())
        do throws(PortfolioErrors) {
            return try Library(articles: articles, config: settings.config, selection: selection)
        } catch {
            throw PortfolioErrors(error.errors.map { $0.inStep("library") })
        }
    }

    /// Renders what moved and writes what differs; records the new state.
    private func update(_ folder: ServeFolder, library: Library, theme: Theme,
                        report: inout RebuildReport, clock: inout PhaseClock) throws(PortfolioErrors) {
        let sources = library.articles.map { content.records[$0.sourcePath]!.hash }
        let (context, facts) = contexts(library, theme: theme, state: &siteState, sources: sources)
        siteState.wantedSearchKey = Self.searchKey(library, sources: sources)
        clock.lap("cards")
        let jobs = PageJob.all(in: library)
        let paths = jobs.map { $0.outputPath(in: library) }
        let keys = Parallel.map(jobs) { $0.key(facts) }
        clock.lap("keys")
        let extras = extraFiles(library, links: context.links, paths: paths, theme: theme, statics: settings.statics, state: &siteState)
        var dirty: [Int] = []
        for (i, path) in paths.enumerated() where extras[path] == nil && siteState.search[path] == nil {
            if siteState.keys[path] != keys[i] || siteState.extras[path] != nil { dirty.append(i) }
        }
        let renderer = PageRenderer(library: library, theme: theme, context: context)
        let written = Parallel.map(dirty) { i -> String? in
            let page = renderer.render(jobs[i])
            assert(page.path == paths[i], "PageJob.outputPath disagrees with PageRenderer for \(jobs[i])")
            return folder.write(page.path, Array(page.html.utf8)) ? page.path : nil
        }
        clock.lap("pages")
        report.pages = jobs.count
        report.rendered = dirty.count
        report.written = written.compactMap { $0 } + restoreSearch(leaving: extras, folder: folder) + writeExtras(extras, to: folder, state: &siteState)
        let files = Set(paths).union(extras.keys).union(siteState.search.keys)
        report.removed = siteState.files.subtracting(files).sorted()
        folder.remove(report.removed)
        clock.lap("write")
        let failures = folder.takeFailures()
        commit(paths: paths, keys: keys, files: files, failures: failures)
        if !failures.isEmpty { throw PortfolioErrors(failures.map { $0.inStep("write") }) }
    }

    /// Search files that an extra file covered until now get their own bytes back.
    private func restoreSearch(leaving extras: [String: [UInt8]], folder: ServeFolder) -> [String] {
        siteState.extras.keys.filter { extras[$0] == nil }.compactMap { path in
            guard let bytes = siteState.search[path] else { return nil }
            return folder.write(path, bytes) ? path : nil
        }
    }

    /// Records the pages and files as written; a failed write leaves its page's key out, so
    /// the next build writes it again.
    private func commit(paths: [String], keys: [Int], files: Set<String>, failures: [PortfolioError]) {
        var map: [String: Int] = [:]
        map.reserveCapacity(paths.count)
        for (path, key) in zip(paths, keys) { map[path] = key }
        for failure in failures {
            if let path = failure.location?.path { map[path] = nil; siteState.extras[path] = nil }
        }
        siteState.keys = map
        siteState.files = files
        siteState.complete = failures.isEmpty
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
            guard let library = served, let key = siteState.wantedSearchKey, key != siteState.searchKey else { return nil }
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
