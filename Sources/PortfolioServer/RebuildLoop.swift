import Foundation
import PortfolioCore
import PortfolioCounter
import PortfolioSite

/// Turns reported changes into builds, one at a time (changes that arrive during a build
/// are merged and built together next), and tells the browsers the outcome: reload,
/// swap stylesheets, or show the errors while the last good build stays served.
final class RebuildLoop: @unchecked Sendable {
    let builder: IncrementalBuilder
    let hub: ReloadHub
    let files: SiteFiles
    let counters: ViewCounter
    let settle: Duration
    let log: @Sendable (String) -> Void
    /// Changes not built yet; nil when there are none.
    private let pending = Locked<SourceChanges?>(nil)
    private let wake: AsyncStream<Void>.Continuation
    private let wakes: AsyncStream<Void>
    private let queue = DispatchQueue(label: "portfolio.rebuild")
    private let searchQueue = DispatchQueue(label: "portfolio.search")
    private let searchScheduled = Locked(false)
    /// When the last build ended; the search index waits for a quiet moment after it.
    private let lastBuild = Locked(DispatchTime.now())
    /// How long the search index waits after a build, so a burst of saves costs one index.
    static let searchQuiet = 0.4

    init(builder: IncrementalBuilder, hub: ReloadHub, files: SiteFiles, counters: ViewCounter, settle: Duration,
         log: @escaping @Sendable (String) -> Void) {
        self.builder = builder
        self.hub = hub
        self.files = files
        self.counters = counters
        self.settle = settle
        self.log = log
        (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Called by the watcher, from any thread.
    func changed(_ changes: SourceChanges) {
        pending.withValue { current in
            guard let before = current else { current = changes; return }
            if let a = before.paths, let b = changes.paths { current = SourceChanges(paths: a.union(b)) } else { current = .unknown }
        }
        wake.yield()
    }

    /// Builds whenever changes arrive, until `finish()`.
    func run() async {
        for await _ in wakes {
            if settle > .zero { try? await Task.sleep(for: settle) }
            guard let changes = pending.withValue({ current -> SourceChanges? in defer { current = nil }; return current }) else { continue }
            await rebuild(changes)
        }
    }

    func finish() {
        wake.finish()
    }

    /// Builds (off the async threads, which keep serving) and tells the browsers.
    @discardableResult
    func rebuild(_ changes: SourceChanges, first: Bool = false) async -> Result<RebuildReport, PortfolioErrors> {
        let builder = self.builder
        let result = await withCheckedContinuation { (done: CheckedContinuation<Result<RebuildReport, PortfolioErrors>, Never>) in
            queue.async {
                do throws(PortfolioErrors) { done.resume(returning: .success(try builder.build(changes, deferSearch: true))) } catch {
                    done.resume(returning: .failure(error))
                }
            }
        }
        switch result {
        case .success(let report):
            try? await counters.load(builder.counterManifest())
            succeeded(report, first: first)
        case .failure(let errors): failed(errors)
        }
        lastBuild.withValue { $0 = DispatchTime.now() }
        scheduleSearch()
        return result
    }

    /// Brings the search index up to date in the background, once no build has run for a
    /// moment (on a large site the index takes seconds, so pages are served and browsers
    /// reloaded first). Builds go on meanwhile; an index made stale by one is dropped and
    /// made again.
    func scheduleSearch() {
        guard builder.searchIsBehind, !searchScheduled.withValue({ let was = $0; $0 = true; return was }) else { return }
        searchQueue.async { [self] in
            while true {
                let quiet = Double(DispatchTime.now().uptimeNanoseconds - lastBuild.current.uptimeNanoseconds) / 1e9
                if quiet >= Self.searchQuiet && pending.current == nil { break }
                Thread.sleep(forTimeInterval: max(0.01, Self.searchQuiet - quiet))
            }
            searchScheduled.withValue { $0 = false }
            if let (files, seconds) = builder.updateSearch() {
                if !files.isEmpty { self.files.invalidate() }
                log("[\(Self.clock())] search index updated: \(files.count) files written in \(BuildLog.format(seconds))")
            }
            scheduleSearch()
        }
    }

    /// Waits until the search index has caught up with the last good build.
    func searchSettled() async {
        while builder.searchIsBehind || searchScheduled.current { try? await Task.sleep(for: .milliseconds(10)) }
        await withCheckedContinuation { done in searchQueue.async { done.resume() } }
    }

    private func succeeded(_ report: RebuildReport, first: Bool) {
        files.invalidate()
        if first {
            log("built \(report.articles) articles, \(report.pages) pages, \(report.written.count) files written in \(BuildLog.format(report.seconds))")
            _ = hub.built(stylesheetsOnly: false)
            return
        }
        let changed = !report.written.isEmpty || !report.removed.isEmpty || !hub.currentProblems.isEmpty
        var line = "[\(Self.clock())] \(report.summary)"
        if changed {
            let event = hub.built(stylesheetsOnly: report.stylesheetsOnly)
            line += " · \(event.name == "css" ? "stylesheets swapped" : "reload sent") to \(hub.listenerCount) browser(s)"
        }
        log(line + " (\(report.timings))")
    }

    private func failed(_ errors: PortfolioErrors) {
        hub.failed(errors.errors.map(BuildProblem.init))
        log("[\(Self.clock())] build failed with \(errors.errors.count) error(s); still serving the last good build:")
        for error in errors.errors { log("  \(error)") }
    }

    static func clock() -> String {
        var time = time(nil)
        var parts = tm()
        localtime_r(&time, &parts)
        return String(format: "%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
