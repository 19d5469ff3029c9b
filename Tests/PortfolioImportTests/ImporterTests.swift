import Foundation
import PortfolioCore
import Testing
@testable import PortfolioImport

@Suite("Importing pages into a folder")
struct ImporterTests {
    static let names = [
        "pin-pai-ding-wei-de-san-ge-wen-ti-brand.md", "pin-pai-ding-wei-de-san-ge-wen-ti-brand-2.md",
        "hui-yuan-zhi-du-ru-he-ti-gao-hui-gou-lu.md", "kou-bei-xing-xiao-de-si-ge-bu-zhou.md",
    ]

    @Test("the LF sample imports four posts, skips the empty one, and CRLF gives the same bytes")
    func importsSamples() throws {
        let lf = try TempFolder(), crlf = try TempFolder()
        defer { lf.remove(); crlf.remove() }
        let report = runImport([Fixtures.path(Fixtures.lf)], into: lf)
        #expect(report.entries.map(\.action) == [.create, .create, .skipEmpty, .create, .create])
        #expect(!report.hasFailures)
        #expect(report.summary == "Summary: 5 posts found in 1 file: 4 written, 0 unchanged, 1 skipped (1 empty).")
        #expect(try lf.snapshot("posts").keys.sorted() == Self.names.sorted())
        _ = runImport([Fixtures.path(Fixtures.crlf)], into: crlf)
        #expect(try lf.snapshot("posts") == crlf.snapshot("posts"))
    }

    @Test("every written file carries its post's fields")
    func writtenFields() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        _ = runImport([Fixtures.path(Fixtures.lf)], into: folder)
        let first = try folder.read("posts/" + Self.names[0])
        #expect(first.hasPrefix("""
            ---
            title: "品牌定位的三個問題 (Brand Positioning) 筆記"
            date: 2021-05-04T09:15:02+08:00
            author: "林雅婷"
            category: "品牌管理"
            views: 431
            replies: 2
            source: "https://example.com/notes/brand-positioning"
            slug: "pin-pai-ding-wei-de-san-ge-wen-ti-brand"
            ---

            品牌定位要先回答三個問題:

            ## 1、我們替誰解決問題

            """))
        let second = try folder.read("posts/" + Self.names[1])
        #expect(second.contains("slug: \"pin-pai-ding-wei-de-san-ge-wen-ti-brand-2\"\n"))
        #expect(second.contains("views: 120\nreplies: 0\n"))
        let last = try folder.read("posts/" + Self.names[3])
        #expect(last.contains("date: 2016-07-01T08:00:00+08:00\n") && last.contains("views: 2048\n"))
        #expect(last.contains("---\n\n王小明\n\n口碑不是等來的"))
        #expect(!last.contains("source:"))
        for name in Self.names {
            let text = try folder.read("posts/" + name)
            #expect(!text.contains("\u{A0}") && !text.contains(" \n") && !text.contains("\n\n\n") && !text.contains("\r"))
        }
    }

    @Test("--keep-empty imports the empty post as a draft")
    func keepEmpty() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let report = runImport([Fixtures.path(Fixtures.lf)], into: folder, keepEmpty: true)
        #expect(report.entries[2].action == .create)
        let text = try folder.read("posts/wei-ming-ming-2020-11-30-22-01-09.md")
        #expect(text.contains("draft: true\n") && text.contains("views: 88\n"))
    }

    @Test("importing again writes nothing and leaves the bytes as they were")
    func idempotent() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        _ = runImport([Fixtures.path(Fixtures.lf)], into: folder)
        let before = try folder.snapshot("posts")
        let again = runImport([Fixtures.path(Fixtures.lf), Fixtures.path(Fixtures.crlf)], into: folder)
        #expect(again.entries.map(\.action) == [.unchanged, .unchanged, .skipEmpty, .unchanged, .unchanged]
            + [.unchanged, .unchanged, .skipEmpty, .unchanged, .unchanged])
        #expect(try folder.snapshot("posts") == before)
    }

    @Test("a file changed since the import is left alone and reported; --force overwrites it")
    func forceRule() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        _ = runImport([Fixtures.path(Fixtures.lf)], into: folder)
        let name = "posts/" + Self.names[2]
        let original = try folder.read(name)
        let edited = original.replacingOccurrences(of: "結論:", with: "結論(已修改):")
        try folder.write(edited, to: name)
        let kept = runImport([Fixtures.path(Fixtures.lf)], into: folder)
        #expect(kept.entries[3].action == .conflict)
        #expect(kept.lines[3].hasPrefix("conflict \(folder.file(name)): exists with different content"))
        #expect(kept.summary.contains("2 skipped (1 empty, 1 changed by hand, kept)"))
        #expect(try folder.read(name) == edited)
        let forced = runImport([Fixtures.path(Fixtures.lf)], into: folder, force: true)
        #expect(forced.entries[3].action == .overwrite)
        #expect(try folder.read(name) == original)
        #expect(try folder.snapshot("posts").count == 4)
    }

    @Test("a post keeps its file; another post with the same slug gets -2, -3")
    func uniqueNames() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("posts"), withIntermediateDirectories: true)
        try folder.write("---\ntitle: 手寫\ndate: 2000-01-01\n---\n", to: "posts/kou-bei-xing-xiao-de-si-ge-bu-zhou.md")
        let report = runImport([Fixtures.path(Fixtures.lf)], into: folder)
        #expect(report.entries[4].targetPath == folder.file("posts/kou-bei-xing-xiao-de-si-ge-bu-zhou-2.md"))
        #expect(try folder.read("posts/kou-bei-xing-xiao-de-si-ge-bu-zhou.md").contains("手寫"))
        let again = runImport([Fixtures.path(Fixtures.lf)], into: folder)
        #expect(again.entries[4].targetPath == report.entries[4].targetPath && again.entries[4].action == .unchanged)
    }

    @Test("a dry run writes nothing and reports the front matter it would write")
    func dryRun() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let report = runImport([Fixtures.path(Fixtures.lf)], into: folder, dryRun: true)
        #expect(try folder.snapshot().isEmpty)
        #expect(report.entries.map(\.action) == [.create, .create, .skipEmpty, .create, .create])
        #expect(report.lines[0].hasPrefix("would write \(folder.file("posts/" + Self.names[0]))"))
        #expect(report.entries[0].frontMatter?.contains("views: 431\n") == true)
        #expect(report.summary.hasPrefix("Summary (dry run, nothing written): 5 posts found in 1 file: 4 to write"))
    }
}
