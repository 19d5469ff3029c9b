import Foundation
import PortfolioCore
import PortfolioSite
import PortfolioTestSupport
import Testing

/// Sites a careless or hostile user could make: each must build, or fail with errors that
/// name the file, and never hang, crash or lose the last output.
@Suite("Hostile input", .timeLimit(.minutes(1)))
struct HostileInputTests {
    /// A FIFO in `content/` is an error naming it; the build does not wait for a writer.
    @Test func aFIFOInContentIsAnError() throws {
        let site = try TestSite()
        try site.article("a", title: "利基市場")
        try site.build()
        let before = TestSite.snapshot(site.output)
        #expect(mkfifo(site.root.appendingPathComponent("content/posts/pipe.md").path, 0o644) == 0)
        let errors = site.buildErrors()
        #expect(errors.count == 1)
        #expect(errors.first?.location?.path == "content/posts/pipe.md")
        #expect(errors.first?.message.contains("not a regular file") == true)
        #expect(TestSite.snapshot(site.output) == before)
    }

    /// A linked folder inside `content/` is followed like a linked file; a link back up
    /// the tree is entered once, not forever.
    @Test func linkedFoldersAreFollowedOnce() throws {
        let site = try TestSite()
        let fm = FileManager.default
        let elsewhere = fm.temporaryDirectory.appendingPathComponent("posts-elsewhere-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: elsewhere) }
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("---\ntitle: 外面的文章\ndate: 2020-02-02 10:00:00\nslug: outside\n---\n\n正文。\n".utf8)
            .write(to: elsewhere.appendingPathComponent("outside.md"))
        try site.article("a", title: "利基市場", extra: "slug: a")
        try fm.createSymbolicLink(at: site.root.appendingPathComponent("content/linked"), withDestinationURL: elsewhere)
        try fm.createSymbolicLink(at: site.root.appendingPathComponent("content/posts/loop"),
                                  withDestinationURL: site.root.appendingPathComponent("content"))
        let report = try site.build()
        #expect(report.articles == 2)
        #expect(site.exists("posts/outside/index.html") && site.exists("posts/a/index.html"))
    }
}
