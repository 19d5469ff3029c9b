import Foundation
import PortfolioCore
import PortfolioSite
import PortfolioTestSupport
import Testing

/// Standalone pages, pinned articles, the menu and licence from the config, and what the
/// article page carries for sharing, as a whole-site build writes them.
@Suite("Theme pages") struct ThemePagesTests {
    static let config = """
        title: 測試站
        author: 測試者
        base_url: https://example.org/blog/
        paginate: 2
        menu:
          - { title: 關於, url: about/ }
          - { title: 外部, url: "https://example.com/x?a=1&b=2" }
        copyright:
          text: CC BY-NC 4.0
          url: https://creativecommons.org/licenses/by-nc/4.0/deed.zh-hant

        """

    static func site() throws -> TestSite {
        let site = try TestSite(config: config)
        try site.article("a", title: "最新的文章", date: "2021-05-01 10:00:00", extra: "slug: a\ntags: [甲]")
        try site.article("b", title: "中間的文章", date: "2020-05-01 10:00:00", extra: "slug: b\ntags: [甲]")
        try site.article("c", title: "置頂的舊文", date: "2019-05-01 10:00:00", extra: "slug: c\npinned: true\ntags: [甲]\nsource: https://example.com/%E5%8E%9F%E6%96%87")
        try site.write("content/pages/about.md", "---\ntitle: 關於本站\nslug: about\ndate: 2018-01-01 10:00:00\n---\n\n這是關於頁。\n")
        try site.article("legal", title: "使用條款", extra: "type: page\nslug: terms")
        try site.build()
        return site
    }

    @Test func pagesLiveAtTheirSlugAndInNoList() throws {
        let site = try Self.site()
        let about = try #require(site.read("about/index.html"))
        #expect(about.contains("<h1 class=\"post-title\">關於本站</h1>") && about.contains("這是關於頁。"))
        #expect(site.exists("terms/index.html"))
        #expect(!site.exists("posts/about/index.html") && !site.exists("posts/terms/index.html"))
        let feed = try #require(site.read("feed.xml"))
        #expect(!feed.contains("關於本站") && !feed.contains("使用條款") && feed.contains("最新的文章"))
        for list in ["index.html", "archives/index.html", "archives/2018/index.html", "authors/index.html"] {
            #expect(!(site.read(list) ?? "").contains("關於本站"), "\(list)")
        }
        #expect(!site.exists("archives/2018/index.html"))
        let docs = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("search/docs").path)
        for name in docs { #expect(!(site.read("search/docs/" + name) ?? "").contains("關於本站")) }
        #expect((site.read("sitemap.xml") ?? "").contains("<loc>https://example.org/blog/about/</loc>"))
    }

    @Test func aPinnedArticleComesFirstOnTheHomePageOnly() throws {
        let site = try Self.site()
        let home = try #require(site.read("index.html"))
        let cards = home.components(separatedBy: "<h2 class=\"card-title\">").dropFirst().map { $0.prefix(80) }
        #expect(cards.count == 2)
        #expect(cards.first?.hasPrefix("<span class=\"pin\">置頂</span> <a href=\"/blog/posts/c/\">置頂的舊文</a>") == true, "\(cards)")
        #expect(cards.last?.hasPrefix("<a href=\"/blog/posts/a/\">最新的文章</a>") == true, "two to a page: the pinned one, then the newest")
        #expect((site.read("page/2/index.html") ?? "").contains(">中間的文章</a>"))
        let tag = try #require(site.read("tags/甲/index.html"))
        #expect(try #require(tag.range(of: "最新的文章")).lowerBound < (tag.range(of: "中間的文章")?.lowerBound ?? tag.endIndex))
    }

    @Test func menuLicenceAndFooterComeFromTheConfig() throws {
        let site = try Self.site()
        let page = try #require(site.read("posts/a/index.html"))
        #expect(page.contains("<a href=\"/blog/about/\">關於</a>"))
        #expect(page.contains("<a href=\"https://example.com/x?a=1&amp;b=2\">外部</a>"))
        #expect(!page.contains(">標籤</a>\n<a"), "a config menu replaces the default one")
        #expect(page.contains("<a href=\"https://creativecommons.org/licenses/by-nc/4.0/deed.zh-hant\" rel=\"license noopener\">CC BY-NC 4.0</a>"))
        #expect(page.contains("© 2019–2021 測試者"))
    }

    @Test func theArticlePageCarriesItsMetaForSharing() throws {
        let site = try Self.site()
        let page = try #require(site.read("posts/c/index.html"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/blog/posts/c/\">"))
        #expect(page.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        #expect(page.contains("\"@type\":\"BlogPosting\",\"headline\":\"置頂的舊文\""))
        #expect(page.contains("\"keywords\":\"甲\""))
        #expect(page.contains("https://twitter.com/intent/tweet?text=%E7%BD%AE%E9%A0%82%E7%9A%84%E8%88%8A%E6%96%87&amp;url=https%3A%2F%2Fexample.org%2Fblog%2Fposts%2Fc%2F"))
        // The source is shown once, decoded for reading, linked as written.
        #expect(page.contains("<a href=\"https://example.com/%E5%8E%9F%E6%96%87\" rel=\"noopener\">https://example.com/原文</a>"))
        #expect(page.components(separatedBy: "原文連結").count == 2)
        #expect(page.contains("<span class=\"nowrap\">2 字</span>"), "字數 counts the Han characters of 正文。")
        #expect(try #require(site.read("assets/zh.json")).hasPrefix("{\"t2s\":\""))
    }

    @Test func aTitleThatCouldCloseTheScriptStaysInsideTheJSON() throws {
        let site = try TestSite()
        try site.article("x", title: "</script><script>alert(1)</script>", extra: "slug: x")
        try site.build()
        let page = try #require(site.read("posts/x/index.html"))
        let ld = try #require(page.components(separatedBy: "<script type=\"application/ld+json\">").last?.components(separatedBy: "</script>").first)
        #expect(ld.contains("\\u003c/script\\u003e"))
        let json = try JSONSerialization.jsonObject(with: Data(ld.utf8)) as? [String: Any]
        #expect(json?["headline"] as? String == "</script><script>alert(1)</script>")
    }

    @Test func aPageMayNotTakeTheSitesOwnPaths() throws {
        let site = try TestSite()
        try site.write("content/pages/tags.md", "---\ntitle: 標籤頁\nslug: tags\ndate: 2020-01-01 10:00:00\n---\n\n文字\n")
        try site.write("content/pages/two.md", "---\ntitle: 第二\nslug: same\ndate: 2020-01-01 10:00:00\n---\n")
        try site.write("content/pages/one.md", "---\ntitle: 第一\nslug: same\ndate: 2020-01-01 10:00:00\n---\n")
        try site.article("ok", title: "正常", extra: "type: essay")
        let errors = site.buildErrors().map(\.description)
        #expect(errors.contains { $0.hasPrefix("content/posts/ok.md:4:") && $0.contains("`type` must be `post` or `page`") }, "\(errors)")
        try site.article("ok", title: "正常")
        let second = site.buildErrors().map(\.description)
        #expect(second.contains { $0.hasPrefix("content/pages/tags.md:3:") && $0.contains("/tags/") }, "\(second)")
        #expect(second.contains { $0.contains("slug `same`") }, "\(second)")
    }

    @Test func aBadMenuIsAnErrorAtItsLine() throws {
        let site = try TestSite(config: "title: 站\nmenu:\n  - { title: 好, url: about/ }\n  - { title: 壞 }\n  - { title: 腳本, url: \"javascript:alert(1)\" }\ncopyright:\n  url: not-a-url\n")
        let errors = site.buildErrors().map(\.description)
        #expect(errors.filter { $0.hasPrefix("portfolio.yml:4:") && $0.contains("menu") }.count == 1, "\(errors)")
        #expect(errors.filter { $0.hasPrefix("portfolio.yml:5:") && $0.contains("menu") }.count == 1, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("portfolio.yml:7:") && $0.contains("copyright.url") }, "\(errors)")
    }
}
