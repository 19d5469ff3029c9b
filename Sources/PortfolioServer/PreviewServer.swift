import Foundation
import Hummingbird
import PortfolioCore
import PortfolioCounter
import PortfolioSite

/// The preview server behind `portfolio serve`: builds the site into its own folder,
/// serves it, watches the sources and rebuilds on every change (incrementally), tells
/// the browsers to reload or shows the build's errors over the page, and answers the
/// view counter API locally.
public final class PreviewServer: Sendable {
    public let options: ServeOptions
    public let builder: IncrementalBuilder
    public let hub = ReloadHub()
    public let counters: ViewCounter
    /// Where the counter routes live; the served pages' counter meta points here.
    public static let counterEndpoint = "/api"
    public let watcher: any FileWatcher
    /// The polling watcher used when `watcher` could not start.
    let fallback = Locked<PollingWatcher?>(nil)
    let files: SiteFiles
    /// The port the server listens on (known once it does when `options.port` is 0).
    let listening: Locked<Int>
    let loop: RebuildLoop
    let log: @Sendable (String) -> Void

    /// Sets the server up without building. `watcher` defaults to inotify (polling when
    /// `options.poll` is set or inotify is missing); `store` defaults to the file in
    /// `options.viewsFile`, or memory.
    public init(options: ServeOptions, watcher: (any FileWatcher)? = nil, store: (any CounterStore)? = nil,
                log: @escaping @Sendable (String) -> Void = PreviewServer.printLine) throws(PortfolioErrors) {
        self.options = options
        self.log = log
        listening = Locked(options.port)
        let build = BuildOptions(siteRoot: options.siteRoot, output: options.folder, drafts: options.drafts, baseURL: options.url())
        builder = IncrementalBuilder(options: build) { Date() }
        try builder.prepare()
        let chosen: any CounterStore
        if let store {
            chosen = store
        } else if let file = options.viewsFile {
            do throws(PortfolioError) { chosen = try FileViewCountStore(file: file) } catch { throw PortfolioErrors([error]) }
        } else {
            chosen = InMemoryCounterStore()
        }
        counters = ViewCounter(store: chosen, manifest: CounterManifest(baselines: [:], oldIDs: [:], origin: nil), rules: .preview)
        self.watcher = watcher ?? Self.defaultWatcher(options)
        files = SiteFiles(folder: options.folder, counterEndpoint: Self.counterEndpoint)
        loop = RebuildLoop(builder: builder, hub: hub, files: files, counters: counters, settle: options.settle, log: log)
    }

    /// Prints a line to standard output at once (also when it is a file or a pipe).
    public static func printLine(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func defaultWatcher(_ options: ServeOptions) -> any FileWatcher {
        #if os(Linux)
        if !options.poll, let inotify = try? InotifyWatcher(siteRoot: options.siteRoot) { return inotify }
        #endif
        return PollingWatcher(siteRoot: options.siteRoot)
    }

    /// The first build; on failure the server still starts and shows the errors.
    @discardableResult
    public func buildFirst() async -> Bool {
        log("building \(options.siteRoot.path) into \(options.folder.path) …")
        if case .success = await loop.rebuild(.unknown, first: true) { return true }
        return false
    }

    /// Builds after every reported change until `stop()`; call `watcher.start` first.
    public func processChanges() async {
        await loop.run()
    }

    /// Reports changes to the rebuild loop (what a watcher does).
    public func changed(_ changes: SourceChanges) {
        loop.changed(changes)
    }

    /// Builds now, outside the watcher: for tests and tools that know what they changed.
    @discardableResult
    public func rebuild(_ changes: SourceChanges = .unknown) async -> Result<RebuildReport, PortfolioErrors> {
        await loop.rebuild(changes)
    }

    /// Waits until the search index (updated in the background after each build) has
    /// caught up with the last good build.
    public func searchSettled() async {
        await loop.searchSettled()
    }

    /// Stops watching, ends the event streams (so connections close) and the rebuild loop.
    public func stop() {
        watcher.stop()
        fallback.current?.stop()
        hub.close()
        loop.finish()
    }
}
