import Foundation
import PortfolioSite

/// Watches the site by looking at every file's stamp (size, times, inode) at an interval:
/// the fallback where inotify is missing or cannot be used (some network and container
/// file systems never deliver events).
public final class PollingWatcher: FileWatcher, @unchecked Sendable {
    public let siteRoot: URL
    /// Milliseconds between two looks.
    public let interval: Int
    private let running = Locked(false)

    public init(siteRoot: URL, interval: Int = 300) {
        self.siteRoot = siteRoot.standardizedFileURL
        self.interval = interval
    }

    public var description: String {
        "content/, templates/, static/ and portfolio.yml (polling every \(interval) ms)"
    }

    public func start(_ onChange: @escaping @Sendable (SourceChanges) -> Void) {
        running.withValue { $0 = true }
        let thread = Thread { [self] in
            var last = snapshot()
            while running.current {
                Thread.sleep(forTimeInterval: Double(interval) / 1000)
                let now = snapshot()
                let changed = Set(now.keys.filter { now[$0] != last[$0] }).union(last.keys.filter { now[$0] == nil })
                last = now
                if !changed.isEmpty && running.current { onChange(SourceChanges(paths: changed)) }
            }
        }
        thread.name = "portfolio polling"
        thread.start()
    }

    public func stop() {
        running.withValue { $0 = false }
    }

    /// Site-relative path → stamp of every watched file.
    func snapshot() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        if let stamp = FileStamp.of(siteRoot.appendingPathComponent("portfolio.yml").path) { stamps["portfolio.yml"] = stamp }
        for folder in ["content", "templates", "static"] {
            let root = siteRoot.appendingPathComponent(folder).resolvingSymlinksInPath().path
            guard let names = try? FileManager.default.subpathsOfDirectory(atPath: root) else { continue }
            for name in names {
                if let stamp = FileStamp.of(root + "/" + name) { stamps[folder + "/" + name] = stamp }
            }
        }
        return stamps
    }
}
