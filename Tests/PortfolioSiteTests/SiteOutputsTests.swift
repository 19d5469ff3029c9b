import Foundation
import PortfolioCore
import PortfolioSite
import PortfolioTemplates
import PortfolioTestSupport
import Testing

@Suite("Site outputs")
struct SiteOutputsTests {
    /// A FIFO in `static/` is reported by name (it is never opened, so the build cannot
    /// hang on it), together with a bad template, in one run; the last output stays.
    @Test func badStaticFilesAreErrorsThatNameThem() throws {
        let site = try TestSite()
        try site.article("a", title: "利基市場")
        try site.write("static/ok.txt", "好\n")
        try site.build()
        let before = TestSite.snapshot(site.output)
        #expect(mkfifo(site.root.appendingPathComponent("static/pipe").path, 0o644) == 0)
        try site.write("templates/card.mustache", "{{#open}}\n")
        let errors = site.buildErrors()
        #expect(errors.contains { $0.location?.path == "static/pipe" && $0.message.contains("not a regular file") })
        #expect(errors.contains { $0.location?.path == "templates/card.mustache" })
        #expect(TestSite.snapshot(site.output) == before)
    }

    /// The search script is the theme's `search.js`, minified; a site's own file takes its place.
    @Test func searchScriptComesFromTheTheme() throws {
        let site = try TestSite()
        try site.article("a", title: "利基市場")
        try site.build()
        let builtIn = try #require(site.read("search/search.js"))
        #expect(builtIn.contains("getElementById") && !builtIn.contains("\n  "))
        try site.write("templates/search.js", "// 本站的搜尋\nvar  a = 1;\n")
        try site.build()
        #expect(site.read("search/search.js") == "var a=1;\n")
    }

    /// Static files and aliases are written after the pages, so one at a page's path
    /// takes its place in every build, as it does in the preview.
    @Test func laterOutputsTakeThePlaceOfPages() throws {
        let site = try TestSite()
        try site.article("a", title: "利基市場", extra: "slug: a")
        try site.write("static/posts/a/index.html", "靜態頁\n")
        for _ in 0..<3 {
            try site.build()
            #expect(site.read("posts/a/index.html") == "靜態頁\n")
        }
    }
}

@Suite("Starter site")
struct StarterSiteTests {
    /// `portfolio init` writes the whole default theme out, byte for byte, and the starter
    /// site builds to the same output with those files as without them.
    @Test func initWritesTheThemeAndBuilds() throws {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("starter-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: folder) }
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        _ = try Scaffold.initSite(folder, now: now)
        for file in Theme.defaultFiles {
            #expect(try Data(contentsOf: folder.appendingPathComponent("templates/" + file.path)) == Data(file.bytes), "templates/\(file.path)")
        }
        let withTheme = folder.appendingPathComponent("out-a"), without = folder.appendingPathComponent("out-b")
        try SiteBuilder.build(BuildOptions(siteRoot: folder, output: withTheme, now: now), log: BuildLog(steps: SiteBuilder.stepCount) { _ in })
        try fm.moveItem(at: folder.appendingPathComponent("templates"), to: folder.appendingPathComponent("templates-aside"))
        try SiteBuilder.build(BuildOptions(siteRoot: folder, output: without, now: now), log: BuildLog(steps: SiteBuilder.stepCount) { _ in })
        #expect(TestSite.snapshot(withTheme) == TestSite.snapshot(without))
        #expect(TestSite.snapshot(withTheme)["search/search.js"] != nil)
    }
}
