import Foundation
import PortfolioCore
import PortfolioSite
import PortfolioTestSupport
import Testing

/// The incremental builder's folder equals a full build after every step of a scripted
/// sequence of edits, additions, renames and deletions.
@Suite struct IncrementalBuildTests {
    struct Step: Sendable {
        var name: String
        /// What a watcher would report; nil for "unknown".
        var hints: Set<String>?
        var change: @Sendable (FixtureSite) throws -> Void
    }

    static let steps: [Step] = [
        Step(name: "edit a line of a body", hints: ["content/posts/post-5.md"]) {
            try $0.write("content/posts/post-5.md", FixtureSite.article(5, body: "改寫過的第一段,談 C2M。"))
        },
        Step(name: "edit a title (the slug moves)", hints: ["content/posts/post-6.md"]) {
            try $0.write("content/posts/post-6.md", FixtureSite.article(6, title: "全新的標題"))
        },
        Step(name: "move a date to the top", hints: ["content/posts/post-7.md"]) {
            try $0.write("content/posts/post-7.md", FixtureSite.article(7, date: "2024-05-30 09:00:00"))
        },
        Step(name: "change tags, one of them new", hints: ["content/posts/post-8.md"]) {
            try $0.write("content/posts/post-8.md", FixtureSite.article(8, tags: ["新標籤", "STP"]))
        },
        Step(name: "add an article", hints: ["content/posts/post-100.md"]) {
            try $0.write("content/posts/post-100.md", FixtureSite.article(100, date: "2023-03-03 08:00:00"))
        },
        Step(name: "delete an article", hints: ["content/posts/post-9.md"]) { try $0.remove("content/posts/post-9.md") },
        Step(name: "move a file into a new folder", hints: ["content/posts/moved", "content/posts/post-10.md"]) {
            try FileManager.default.createDirectory(at: $0.url("content/posts/moved"), withIntermediateDirectories: true)
            try $0.move("content/posts/post-10.md", to: "content/posts/moved/post-10.md")
        },
        Step(name: "turn an article into a draft", hints: ["content/posts/post-21.md"]) {
            try $0.write("content/posts/post-21.md", FixtureSite.article(21, extra: "draft: true"))
        },
        Step(name: "raise the views (popular list)", hints: ["content/posts/post-12.md"]) {
            try $0.write("content/posts/post-12.md", FixtureSite.article(12, views: 99_999))
        },
        Step(name: "add an alias", hints: ["content/posts/post-13.md"]) {
            try $0.write("content/posts/post-13.md", FixtureSite.article(13, extra: "aliases: [/old/post-13/]"))
        },
        Step(name: "give two articles the same day", hints: nil) {
            // Five articles share one tag; post-22 lists three of the other four as related,
            // the last of them one of the two twins of 2023-07-07 (see the retitle step).
            try $0.write("content/posts/post-14.md", FixtureSite.article(14, tags: ["獨特"], date: "2023-07-07 07:07:07"))
            try $0.write("content/posts/post-15.md", FixtureSite.article(15, tags: ["獨特"], date: "2023-07-07 07:07:07"))
            try $0.write("content/posts/post-22.md", FixtureSite.article(22, tags: ["獨特"], date: "2023-01-01 00:00:00"))
            try $0.write("content/posts/post-23.md", FixtureSite.article(23, tags: ["獨特"], date: "2023-12-01 00:00:00"))
            try $0.write("content/posts/post-24.md", FixtureSite.article(24, tags: ["獨特"], date: "2023-11-01 00:00:00"))
        },
        Step(name: "edit a summary and set an update date", hints: ["content/posts/post-18.md"]) {
            try $0.write("content/posts/post-18.md", FixtureSite.article(18, extra: "summary: 新的摘要\nupdated: 2024-05-01 12:00:00"))
        },
        Step(name: "edit a draft and a future article", hints: ["content/posts/post-21.md", "content/posts/post-2.md"]) {
            try $0.write("content/posts/post-21.md", FixtureSite.article(21, body: "草稿改過。", extra: "draft: true"))
            try $0.write("content/posts/post-2.md", FixtureSite.article(2, body: "未來的文章改過。"))
        },
        Step(name: "edit the bodies of two articles at once", hints: ["content/posts/post-19.md", "content/posts/post-20.md"]) {
            try $0.write("content/posts/post-19.md", FixtureSite.article(19, body: "第十九篇的新開頭。"))
            try $0.write("content/posts/post-20.md", FixtureSite.article(20, body: "第二十篇的新開頭,長一些,長一些,長一些。"))
        },
        Step(name: "give the retitled article its title back", hints: ["content/posts/post-6.md"]) {
            // Its page returns to its first path, whose sitemap line an earlier build made.
            try $0.write("content/posts/post-6.md", FixtureSite.article(6))
        },
        Step(name: "retitle one of two articles of the same day", hints: ["content/posts/post-15.md"]) {
            // The new slug sorts it before its twin, so lists that show both swap them.
            try $0.write("content/posts/post-15.md", FixtureSite.article(15, title: "AAA 排在前面", tags: ["獨特"], date: "2023-07-07 07:07:07"))
        },
        Step(name: "add a tag a small group shares", hints: ["content/posts/post-7.md"]) {
            // post-7 is the newest article, so it enters the related lists of the group.
            try $0.write("content/posts/post-7.md", FixtureSite.article(7, tags: ["市場區隔", "C2M", "獨特"], date: "2024-05-30 09:00:00"))
        },
        Step(name: "remove the alias", hints: ["content/posts/post-13.md"]) {
            try $0.write("content/posts/post-13.md", FixtureSite.article(13))
        },
        Step(name: "add a standalone page", hints: ["content/pages/about.md"]) {
            try $0.write("content/pages/about.md", "---\ntitle: 關於\nslug: about\ndate: 2020-01-01 10:00:00\n---\n\n關於本站。\n")
        },
        Step(name: "edit the standalone page", hints: ["content/pages/about.md"]) {
            try $0.write("content/pages/about.md", "---\ntitle: 關於我們\nslug: about\ndate: 2020-01-01 10:00:00\n---\n\n改過的關於。\n")
        },
        Step(name: "pin an article", hints: ["content/posts/post-5.md"]) {
            try $0.write("content/posts/post-5.md", FixtureSite.article(5, extra: "pinned: true"))
        },
        Step(name: "show a local image in an article", hints: ["content/posts/post-12.md", "static/images/a.png"]) {
            try FileManager.default.createDirectory(at: $0.url("static/images"), withIntermediateDirectories: true)
            try Data(IncrementalBuildTests.pngHeader(width: 300, height: 200)).write(to: $0.url("static/images/a.png"))
            try $0.write("content/posts/post-12.md", FixtureSite.article(12, views: 99_999, body: "![圖](/images/a.png \"說明\")"))
        },
        Step(name: "replace the image with a larger one", hints: ["static/images/a.png"]) {
            try Data(IncrementalBuildTests.pngHeader(width: 1200, height: 800)).write(to: $0.url("static/images/a.png"))
        },
        Step(name: "turn the page into an article", hints: ["content/pages/about.md"]) {
            try $0.write("content/pages/about.md", "---\ntitle: 關於我們\nslug: about\ntype: post\ndate: 2020-01-01 10:00:00\n---\n\n改過的關於。\n")
        },
        Step(name: "add and edit static files", hints: ["static/extra.css", "static/files/說明.txt"]) {
            try $0.write("static/extra.css", "body { color: red }\n")
            try $0.write("static/files/說明.txt", "改過的靜態檔案\n")
        },
        Step(name: "override a template", hints: ["templates/card.mustache"]) {
            try $0.write("templates/card.mustache", "<li class=\"card\"><a href=\"{{url}}\">{{title}}</a> {{views}}</li>\n")
        },
        Step(name: "override the stylesheet", hints: ["templates/assets/style.css"]) {
            try $0.write("templates/assets/style.css", "body { font-family: serif }\n")
        },
        Step(name: "override the search script", hints: ["templates/search.js"]) {
            try $0.write("templates/search.js", "// the site's own search\n(function () { 'use strict'; })();\n")
        },
        Step(name: "change the config", hints: ["portfolio.yml"]) {
            let text = try String(contentsOf: $0.url("portfolio.yml"), encoding: .utf8)
            try $0.write("portfolio.yml", text.replacingOccurrences(of: "paginate: 3", with: "paginate: 4"))
        },
        Step(name: "several edits, reported as unknown", hints: nil) {
            try $0.write("content/posts/post-16.md", FixtureSite.article(16, tags: ["行銷"]))
            try $0.remove("content/posts/post-17.md")
            try $0.write("content/posts/post-101.md", FixtureSite.article(101, date: "2024-01-01 00:00:00"))
        },
        Step(name: "drop the template override and a static file", hints: ["templates/card.mustache", "static/extra.css"]) {
            try $0.remove("templates/card.mustache")
            try $0.remove("static/extra.css")
        },
        Step(name: "retitle the site and change its synonyms", hints: ["portfolio.yml"]) {
            let text = try String(contentsOf: $0.url("portfolio.yml"), encoding: .utf8)
            try $0.write("portfolio.yml", text.replacingOccurrences(of: "title: 測試作品集", with: "title: 改名的作品集")
                + "\nsearch:\n  synonyms:\n    - [社群, 社區]\n")
        },
        Step(name: "drop the search script override", hints: ["templates/search.js"]) { try $0.remove("templates/search.js") },
        Step(name: "delete every article of a tag", hints: ["content/posts/post-8.md"]) { try $0.remove("content/posts/post-8.md") },
    ]

    /// The first bytes of a PNG of this size: all the size reader looks at.
    static func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        return [0x89] + Array("PNG\r\n\u{1A}\n".utf8) + be(13) + Array("IHDR".utf8) + be(width) + be(height) + [8, 2, 0, 0, 0]
    }

    @Test func everyStepEqualsAFullBuild() throws {
        let site = try FixtureSite(articles: 25)
        defer { site.delete() }
        let builder = IncrementalBuilder(options: site.options(output: ".serve"))
        try builder.build()
        #expect(differences(FixtureSite.files(in: site.url(".serve")), try site.fullBuild()).isEmpty)
        for step in Self.steps {
            try step.change(site)
            let report = try builder.build(SourceChanges(paths: step.hints))
            let diff = differences(FixtureSite.files(in: site.url(".serve")), try site.fullBuild())
            #expect(diff.isEmpty, "after “\(step.name)”: \(diff.prefix(8))")
            #expect(FixtureSite.emptyFolders(in: site.url(".serve")).isEmpty, "after “\(step.name)”")
            if step.name == "override the stylesheet" { #expect(report.stylesheetsOnly) }
            if step.name.hasSuffix("search script") { #expect(report.rendered == 0, "after “\(step.name)”: a script renders no page") }
            let inPlace = ["edit a line of a body", "raise the views (popular list)", "add an alias", "remove the alias",
                           "edit a summary and set an update date", "edit a draft and a future article",
                           "edit the bodies of two articles at once", "add and edit static files", "edit a title (the slug moves)",
                           "override the stylesheet", "change tags, one of them new", "add a tag a small group shares",
                           "give the retitled article its title back", "override the search script", "drop the search script override",
                           "show a local image in an article", "replace the image with a larger one"]
            #expect(report.keptLibrary == inPlace.contains(step.name), "after “\(step.name)”")
        }
    }

    @Test func aBodyEditRendersOnlyItsPage() throws {
        let site = try FixtureSite(articles: 40)
        defer { site.delete() }
        let builder = IncrementalBuilder(options: site.options(output: ".serve"))
        let first = try builder.build()
        #expect(first.rendered == first.pages)
        let text = FixtureSite.article(20).replacingOccurrences(of: "這是第 20 篇的結尾。", with: "這是改寫過的結尾。")
        try site.write("content/posts/post-20.md", text)
        let report = try builder.build(SourceChanges(paths: ["content/posts/post-20.md"]))
        #expect(report.rendered == 1)
        #expect(report.keptLibrary)
        #expect(report.sources == ["content/posts/post-20.md"])
        #expect(report.written.contains { $0.hasPrefix("posts/") && $0.hasSuffix("/index.html") })
        #expect(report.written.allSatisfy { $0.hasPrefix("posts/") || $0 == "feed.xml" || $0.hasPrefix("search/") })
        #expect(differences(FixtureSite.files(in: site.url(".serve")), try site.fullBuild()).isEmpty)
        let again = try builder.build(SourceChanges(paths: ["content/posts/post-20.md"]))
        #expect(again.written.isEmpty && again.removed.isEmpty && again.rendered == 0)
    }

    /// An alias that would replace a page is an error in the preview too, at its line;
    /// the folder keeps the last good build, and equals a full build once it is fixed.
    @Test func anAliasOverAPageIsAnErrorAndTheFolderStays() throws {
        let site = try FixtureSite()
        defer { site.delete() }
        let builder = IncrementalBuilder(options: site.options(output: ".serve"))
        try builder.build()
        let before = FixtureSite.files(in: site.url(".serve"))
        let hints: Set<String> = ["content/posts/post-5.md"]
        try site.write("content/posts/post-5.md", FixtureSite.article(5, extra: "aliases: [/index.html]"))
        do {
            try builder.build(SourceChanges(paths: hints))
            Issue.record("an alias over the home page was accepted")
        } catch {
            #expect(error.errors.count == 1)
            #expect(error.errors.first?.location?.path == "content/posts/post-5.md")
            #expect(error.errors.first?.message.contains("the page /index.html") == true)
        }
        #expect(FixtureSite.files(in: site.url(".serve")) == before)
        try site.write("content/posts/post-5.md", FixtureSite.article(5, extra: "aliases: [/old/five/]"))
        try builder.build(SourceChanges(paths: hints))
        #expect(differences(FixtureSite.files(in: site.url(".serve")), try site.fullBuild()).isEmpty)
    }

    @Test func aFailedBuildLeavesTheFolderAndReportsEveryBadFile() throws {
        let site = try FixtureSite()
        defer { site.delete() }
        let builder = IncrementalBuilder(options: site.options(output: ".serve"))
        try builder.build()
        let before = FixtureSite.files(in: site.url(".serve"))
        try site.write("content/posts/post-3.md", "---\ntitle: \"沒有日期\"\n---\n\n內文\n")
        try site.write("content/posts/post-4.md", "---\ntitle: [壞掉\n---\n")
        let hints: Set<String> = ["content/posts/post-3.md", "content/posts/post-4.md"]
        do {
            try builder.build(SourceChanges(paths: hints))
            Issue.record("a build with bad front matter succeeded")
        } catch {
            let paths = Set(error.errors.compactMap { $0.location?.path })
            #expect(paths == hints)
            #expect(error.errors.allSatisfy { $0.location?.line != nil })
        }
        #expect(FixtureSite.files(in: site.url(".serve")) == before)
        try site.write("content/posts/post-3.md", FixtureSite.article(3, title: "修好了"))
        try site.write("content/posts/post-4.md", FixtureSite.article(4))
        let report = try builder.build(SourceChanges(paths: hints))
        #expect(report.sources == hints.sorted())
        #expect(differences(FixtureSite.files(in: site.url(".serve")), try site.fullBuild()).isEmpty)
    }

    @Test func staleFilesOfAnEarlierSessionAreRemoved() throws {
        let site = try FixtureSite()
        defer { site.delete() }
        try IncrementalBuilder(options: site.options(output: ".serve")).build()
        try site.remove("content/posts/post-3.md")
        let restarted = IncrementalBuilder(options: site.options(output: ".serve"))
        let report = try restarted.build()
        #expect(report.removed.contains { $0.hasPrefix("posts/") })
        #expect(differences(FixtureSite.files(in: site.url(".serve")), try site.fullBuild()).isEmpty)
    }

    @Test func aDeferredSearchIndexCatchesUp() throws {
        let site = try FixtureSite()
        defer { site.delete() }
        let builder = IncrementalBuilder(options: site.options(output: ".serve"))
        try builder.build(deferSearch: true)
        #expect(builder.searchIsBehind)
        #expect(builder.updateSearch() != nil)
        #expect(!builder.searchIsBehind)
        #expect(differences(FixtureSite.files(in: site.url(".serve")), try site.fullBuild()).isEmpty)
        try site.write("content/posts/post-4.md", FixtureSite.article(4, title: "搜尋要跟上的標題"))
        try builder.build(SourceChanges(paths: ["content/posts/post-4.md"]), deferSearch: true)
        let lagging = differences(FixtureSite.files(in: site.url(".serve")), try site.fullBuild())
        #expect(!lagging.isEmpty && lagging.allSatisfy { $0.hasPrefix("search/") })
        #expect(builder.updateSearch() != nil)
        #expect(builder.updateSearch() == nil)
        #expect(differences(FixtureSite.files(in: site.url(".serve")), try site.fullBuild()).isEmpty)
    }
}
