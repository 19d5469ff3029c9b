import Foundation
import PortfolioCore
import PortfolioSite
import PortfolioTestSupport
import Testing

@Suite("Warnings for what a build accepts but was probably not meant")
struct WarningTests {
    func warnings(config: String = "title: 站\nbase_url: https://blog.example.com/\n",
                  _ setUp: (TestSite) throws -> Void) throws -> [String] {
        let site = try TestSite(config: config)
        defer { try? FileManager.default.removeItem(at: site.root) }
        try setUp(site)
        return try site.build().warnings.map(\.description)
    }

    @Test("an unknown key in portfolio.yml names the nearest known key, at its line")
    func unknownConfigKey() throws {
        let found = try warnings(config: "title: 站\nbase_url: https://blog.example.com/\npagniate: 5\nmarkdown:\n  unsafe_htm: true\ncolour: red\n") {
            try $0.article("a", title: "文章")
        }
        #expect(found.contains("portfolio.yml:3: warning: unknown portfolio.yml key `pagniate`: did you mean `paginate`?"))
        #expect(found.contains("portfolio.yml:5: warning: unknown portfolio.yml key `markdown.unsafe_htm`: did you mean `markdown.unsafe_html`?"))
        #expect(found.contains("portfolio.yml:6: warning: unknown portfolio.yml key `colour`"))
    }

    @Test("a front matter key close to a known one warns; other unknown keys still reach templates")
    func unknownFrontMatterKey() throws {
        let site = try TestSite(config: "title: 站\nbase_url: https://blog.example.com/\n")
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.write("templates/article.mustache", "{{article.params.tgas}}|{{article.params.cover}}")
        try site.article("a", title: "文章", extra: "slug: a\ntgas: [STP]\ncover: pic.png")
        let found = try site.build().warnings.map(\.description)
        #expect(found == ["content/posts/a.md:5: warning: unknown front matter key `tgas`: did you mean `tags`?"])
        #expect(site.read("posts/a/index.html")?.contains("|pic.png") == true)
    }

    @Test func languageAndPlaceholderBaseURL() throws {
        let found = try warnings(config: "title: 站\nlanguage: zh_TW\nbase_url: https://example.org/\n") { try $0.article("a", title: "文章") }
        #expect(found.contains("portfolio.yml:2: warning: language `zh_TW` is not a language tag such as zh-Hant, zh-TW, zh-Hans or en"))
        #expect(found.contains { $0.hasPrefix("portfolio.yml:3: warning: base_url is still the placeholder https://example.org/") })
        let clean = try warnings(config: "title: 站\nlanguage: zh-Hant-TW\nbase_url: https://blog.example.com/\n") { try $0.article("a", title: "文章") }
        #expect(clean.isEmpty, "\(clean)")
    }

    @Test("content that will not show as written warns at its line in the file")
    func lostContent() throws {
        let body = "第一段。\n\n    縮排的段落變成了程式碼。\n\n<div>區塊</div>\n\n文字 <span>行內</span>。\n\n<!-- 註解不算 -->\n\n![圖](/images/missing.png) ![有](/images/here.png) ![遠端](https://example.com/a.png)\n"
        let found = try warnings {
            try $0.article("a", title: "文章", body: body)
            try $0.write("static/images/here.png", "png")
        }
        // The front matter takes five lines and a blank one: the body starts on line 7.
        #expect(found == [
            "content/posts/a.md:11: warning: raw HTML is dropped (set markdown.unsafe_html: true in portfolio.yml to keep it)",
            "content/posts/a.md:13: warning: raw HTML is dropped (set markdown.unsafe_html: true in portfolio.yml to keep it)",
            "content/posts/a.md:17: warning: image `/images/missing.png` is not in the site (put it in static/images/missing.png)",
            "content/posts/a.md:9: warning: indented text is shown as a code block; remove the indent, or fence it with ``` if it is code",
        ])
        let unsafe = try warnings(config: "title: 站\nbase_url: https://blog.example.com/\nmarkdown:\n  unsafe_html: true\n") {
            try $0.article("a", title: "文章", body: "<div>區塊</div>\n")
        }
        #expect(unsafe.isEmpty)
    }

    @Test("build in a folder that is not a site is an error that says so, and writes nothing")
    func notASite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = BuildOptions(siteRoot: folder, output: folder.appendingPathComponent("public"))
        #expect {
            try SiteBuilder.build(options, log: BuildLog(steps: SiteBuilder.stepCount) { _ in })
        } throws: { error in
            "\(error)".contains("not a portfolio site: it has no portfolio.yml and no content/ folder")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("public").path))
        #expect(throws: PortfolioError.self) { try Scaffold.newArticle(siteRoot: folder, title: "標題", slug: nil, tags: []) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("content").path))
    }

    @Test("new article writes no empty summary key")
    func newArticleHasNoEmptySummary() {
        let text = Scaffold.articleText(title: "標題", slug: "t", tags: [], config: SiteConfig(), now: Date(timeIntervalSince1970: 0))
        #expect(!text.contains("summary:"))
    }

    @Test("a Chinese soft break is no space in the page, the meta description, the feed and the search text")
    func softBreaksEverywhere() throws {
        let site = try TestSite(config: "title: 站\nbase_url: https://blog.example.com/\n")
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.article("a", title: "文章", extra: "slug: a", body: "這是第一行的中文句子，\n這是同一段的第二行。Latin\nwords\n")
        try site.build()
        let page = try #require(site.read("posts/a/index.html"))
        #expect(page.contains("<p>這是第一行的中文句子，這是同一段的第二行。Latin\nwords</p>"))
        #expect(page.contains("content=\"這是第一行的中文句子，這是同一段的第二行。Latin words\""))
        #expect(site.read("feed.xml")?.contains("這是第一行的中文句子，這是同一段的第二行。Latin words") == true)
        let doc = try #require(site.read("search/docs/0.json"))
        #expect(doc.contains("\"x\":\"這是第一行的中文句子，這是同一段的第二行。Latin words\""))
    }
}
