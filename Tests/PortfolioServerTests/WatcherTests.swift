import Foundation
@testable import PortfolioServer
import PortfolioSite
import PortfolioTestSupport
import Testing

/// The watchers report edits, additions, deletions and new folders by site-relative path.
@Suite struct WatcherTests {
    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: Set<String> = []
        private var unknown = false

        func add(_ changes: SourceChanges) {
            lock.withLock {
                if let p = changes.paths { paths.formUnion(p) } else { unknown = true }
            }
        }

        func contains(_ path: String) -> Bool { lock.withLock { unknown || paths.contains(path) } }
    }

    static func watchers(_ root: URL) throws -> [any FileWatcher] {
        var list: [any FileWatcher] = [PollingWatcher(siteRoot: root, interval: 20)]
        #if os(Linux)
        list.append(try InotifyWatcher(siteRoot: root))
        #endif
        return list
    }

    @Test func editsAdditionsDeletionsAndNewFoldersAreSeen() async throws {
        let site = try FixtureSite(articles: 3)
        defer { site.delete() }
        for watcher in try Self.watchers(site.root) {
            let seen = Seen()
            try watcher.start { seen.add($0) }
            defer { watcher.stop() }
            try await Task.sleep(for: .milliseconds(50))
            let tag = String(describing: type(of: watcher))
            try site.write("content/posts/post-1.md", FixtureSite.article(1, title: "\(tag) 改過"))
            #expect(await eventually { seen.contains("content/posts/post-1.md") }, "\(watcher.description): edit")
            try site.remove("content/posts/post-2.md")
            #expect(await eventually { seen.contains("content/posts/post-2.md") }, "\(watcher.description): deletion")
            try site.write("content/posts/new/\(tag).md", FixtureSite.article(9))
            #expect(await eventually { seen.contains("content/posts/new/\(tag).md") || seen.contains("content/posts/new") },
                    "\(watcher.description): new folder")
            try site.write("content/posts/new/\(tag)-2.md", FixtureSite.article(10))
            #expect(await eventually { seen.contains("content/posts/new/\(tag)-2.md") }, "\(watcher.description): file in new folder")
            try site.write("portfolio.yml", "title: 改過的設定\n")
            #expect(await eventually { seen.contains("portfolio.yml") }, "\(watcher.description): config")
            try site.write("content/posts/post-2.md", FixtureSite.article(2))
        }
    }

    @Test func aSymlinkedContentFolderIsWatchedWhereItPoints() async throws {
        #if os(Linux)
        let site = try FixtureSite(articles: 2)
        defer { site.delete() }
        let corpus = site.url("corpus")
        try FileManager.default.moveItem(at: site.url("content"), to: corpus)
        try FileManager.default.createSymbolicLink(at: site.url("content"), withDestinationURL: corpus)
        let watcher = try InotifyWatcher(siteRoot: site.root)
        let seen = Seen()
        try watcher.start { seen.add($0) }
        defer { watcher.stop() }
        try Data("改過\n".utf8).write(to: corpus.appendingPathComponent("posts/post-0.md"))
        #expect(await eventually { seen.contains("content/posts/post-0.md") })
        #endif
    }
}
