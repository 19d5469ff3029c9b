import Foundation
import PortfolioCore
import PortfolioSite
import PortfolioTestSupport
import Testing

/// The output before last is kept as `.NAME.spare` and reused as the next staging
/// folder; what it held must never leak into a new output.
@Suite("Reused output folder")
struct OutputReuseTests {
    /// A fresh build of the same sources into a folder no build used before.
    func freshBuild(_ site: TestSite) throws -> [String: Data] {
        let folder = site.root.appendingPathComponent("fresh-\(UUID().uuidString)")
        try site.build(output: folder)
        return TestSite.snapshot(folder)
    }

    @Test func rebuildsMatchFreshBuildsAcrossRemovalsAndRenames() throws {
        let site = try TestSite()
        for i in 1...4 { try site.article("p\(i)", title: "文章\(i)", extra: "tags: [標籤\(i % 2)]") }
        try site.write("static/files/old.txt", "一個很長的舊檔案內容，之後會被刪掉。")
        try site.build()
        try site.build()
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".public.spare").path))

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/posts/p2.md"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("static/files"))
        try site.article("p3", title: "改過的標題", extra: "tags: [新標籤]")
        try site.build()
        #expect(TestSite.snapshot(site.output) == (try freshBuild(site)))
        #expect(!site.exists("posts/文章2/index.html") && !site.exists("files/old.txt") && site.exists("posts/改過的標題/index.html"))

        try site.build()  // now the spare holds the output with p2 and the old file
        #expect(TestSite.snapshot(site.output) == (try freshBuild(site)))
        let emptyFolders = try FileManager.default.subpathsOfDirectory(atPath: site.output.path).filter { name in
            let path = site.output.appendingPathComponent(name).path
            return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? ["file"]).isEmpty
        }
        #expect(emptyFolders.isEmpty)
    }

    @Test func shorterFileOverAnOldOneHasNoLeftoverBytes() throws {
        let site = try TestSite()
        try site.article("a", title: "好")
        try site.write("static/assets/style.css", "body{}\n")  // replaces the theme's longer stylesheet
        try site.build()
        try site.build()
        try site.build()
        #expect(site.read("assets/style.css") == "body{}\n")
    }

    @Test func linksPlantedInTheSpareAreNeverFollowed() throws {
        let site = try TestSite()
        try site.article("a", title: "好")
        try site.build()
        try site.build()
        let spare = site.root.appendingPathComponent(".public.spare")
        let outside = site.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: outside.appendingPathComponent("victim.txt"))
        let page = spare.appendingPathComponent("index.html")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(at: page, withDestinationURL: outside.appendingPathComponent("victim.txt"))
        let posts = spare.appendingPathComponent("posts")
        try FileManager.default.removeItem(at: posts)
        try FileManager.default.createSymbolicLink(at: posts, withDestinationURL: outside)

        try site.build()
        #expect(try String(contentsOf: outside.appendingPathComponent("victim.txt"), encoding: .utf8) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path) == ["victim.txt"])
        #expect(TestSite.snapshot(site.output) == (try freshBuild(site)))
    }

    @Test func failedBuildKeepsOutputAndNextBuildIsClean() throws {
        let site = try TestSite()
        try site.article("a", title: "好")
        try site.build()
        try site.build()
        let before = TestSite.snapshot(site.output)
        try site.write("content/posts/bad.md", "---\ntitle: 壞\ndate: nope\n---\n")
        #expect(!site.buildErrors().isEmpty)
        #expect(TestSite.snapshot(site.output) == before)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/posts/bad.md"))
        try site.article("b", title: "新")
        try site.build()
        #expect(TestSite.snapshot(site.output) == (try freshBuild(site)))
    }

    @Test func stagingFolderOfAnInterruptedBuildIsCleared() throws {
        let site = try TestSite()
        try site.article("a", title: "好")
        try site.build()
        // No process has this id (above any pid_max), as after a build killed mid-way.
        let stale = site.root.appendingPathComponent(".public.staging-2147483646")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: stale.appendingPathComponent("index.html"))
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(site.read("index.html")?.contains("好") == true)
    }
}
