import Foundation
import PortfolioTestSupport

#if canImport(FoundationXML)
import FoundationXML
#endif
import PortfolioCore
import PortfolioSite
import Testing

@Suite("Whole-site build")
struct SiteBuildTests {
    @Test func buildsEveryPageKind() throws {
        let site = try TestSite()
        try site.article("a", title: "利基市場", extra: "tags: [利基, STP]\ncategories: [行銷策略]\nauthor: 林雅婷\nviews: 907\nreplies: 3")
        let report = try site.build()
        #expect(report.articles == 1)
        for path in ["index.html", "posts/利基市場/index.html", "tags/index.html", "tags/利基/index.html", "tags/stp/index.html",
                     "categories/行銷策略/index.html", "authors/林雅婷/index.html", "archives/index.html",
                     "archives/2020/index.html", "archives/2020/01/index.html", "search/index.html", "404.html",
                     "feed.xml", "sitemap.xml", "robots.txt", "assets/style.css", ".portfolio-output"] {
            #expect(site.exists(path), "missing \(path)")
        }
        let page = try #require(site.read("posts/利基市場/index.html"))
        #expect(page.contains("by <a href=\"/authors/%E6%9E%97%E9%9B%85%E5%A9%B7/\">林雅婷</a>"))
        #expect(page.contains("<span class=\"nowrap\">回應(3)</span>, <span class=\"nowrap\">人氣(<span class=\"views\" data-views-id=\"利基市場\">907</span>)</span>"))
        #expect(page.contains("位置：<a href=\"/authors/%E6%9E%97%E9%9B%85%E5%A9%B7/\">林雅婷</a> &gt; <a href=\"/categories/%E8%A1%8C%E9%8A%B7%E7%AD%96%E7%95%A5/\">行銷策略</a>"))
    }

    @Test func escapesATitleEverywhereItLands() throws {
        let site = try TestSite()
        let evil = "<script>alert(1)</script> \"q\" & 'a'"
        try site.article("x", title: evil, extra: "slug: x\ntags: [\"<b>t</b>\"]\nsummary: \"<img src=x onerror=alert(1)>\"")
        try site.build()
        for path in ["posts/x/index.html", "index.html", "tags/b-t-b/index.html", "archives/index.html"] {
            let html = try #require(site.read(path), "missing \(path)")
            #expect(!html.contains("<script>alert(1)"), "\(path) has the raw title")
            #expect(!html.contains("<img src=x"), "\(path) has the raw summary")
            #expect(!html.contains("<b>t</b>"), "\(path) has the raw tag")
        }
        let article = try #require(site.read("posts/x/index.html"))
        #expect(article.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &amp; &#39;a&#39; · 測試站</title>"))
        #expect(article.contains("content=\"&lt;img src=x onerror=alert(1)&gt;\""))
        let feed = try #require(site.read("feed.xml"))
        #expect(feed.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &amp; &apos;a&apos;</title>"))
        #expect(feed.contains("<category term=\"&lt;b&gt;t&lt;/b&gt;\"/>"))
        #expect(XMLParser(data: Data(feed.utf8)).parse(), "feed.xml is not well-formed XML")
        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(XMLParser(data: Data(sitemap.utf8)).parse(), "sitemap.xml is not well-formed XML")
        #expect(sitemap.contains("<loc>https://example.org/posts/x/</loc>"))
        #expect(!sitemap.contains("<script>"))
    }

    @Test func draftsAndFutureArticlesAreLeftOutUnlessAsked() throws {
        let site = try TestSite()
        try site.article("old", title: "舊文", date: "2020-01-01 10:00:00")
        try site.article("draft", title: "草稿", extra: "draft: true")
        try site.article("future", title: "未來", date: "2030-01-01 10:00:00")
        var report = try site.build()
        #expect(report.articles == 1 && report.leftOut == 2)
        #expect(!site.exists("posts/草稿/index.html") && !site.exists("posts/未來/index.html"))
        report = try site.build(drafts: true, future: true)
        #expect(report.articles == 3)
        #expect(site.exists("posts/草稿/index.html") && site.exists("posts/未來/index.html"))
    }

    @Test func taxonomiesAndPagination() throws {
        let site = try TestSite()
        for i in 1...5 {
            try site.article("p\(i)", title: "文章\(i)", date: "2020-0\(i)-01 10:00:00",
                             extra: "tags: [共同\(i % 2 == 0 ? ", 偶數" : "")]\ncategory: 分類")
        }
        try site.build()
        #expect(site.exists("page/2/index.html") && site.exists("page/3/index.html") && !site.exists("page/4/index.html"))
        let first = try #require(site.read("index.html"))
        let cards = try #require(first.components(separatedBy: "<ol class=\"cards\">").last?.components(separatedBy: "</ol>").first)
        #expect(cards.contains(">文章5<") && cards.contains(">文章4<") && !cards.contains(">文章3<"))
        #expect(first.contains("<a rel=\"next\" href=\"/page/2/\">"))
        let tagPage2 = try #require(site.read("tags/共同/page/2/index.html"))
        #expect(tagPage2.contains(">文章3<") && tagPage2.contains(">文章2<"))
        #expect(tagPage2.contains("<a rel=\"prev\" href=\"/tags/%E5%85%B1%E5%90%8C/\">"))
        let even = try #require(site.read("tags/偶數/index.html"))
        #expect(even.contains("共 2 篇文章"))
        let may = try #require(site.read("archives/2020/05/index.html"))
        #expect(may.contains(">文章5<") && !may.contains(">文章4<"))
        let article = try #require(site.read("posts/文章3/index.html"))
        #expect(article.contains("<a rel=\"prev\" href=\"/posts/%E6%96%87%E7%AB%A02/\"><span class=\"dir\">上一篇</span>文章2</a>"))
        #expect(article.contains("<a rel=\"next\" href=\"/posts/%E6%96%87%E7%AB%A04/\"><span class=\"dir\">下一篇</span>文章4</a>"))
        let related = try #require(article.components(separatedBy: "相關文章").last)
        #expect(related.contains(">文章5<") || related.contains(">文章1<"))
    }

    @Test func outputIsDeterministic() throws {
        let site = try TestSite()
        for i in 1...6 { try site.article("p\(i)", title: "文章 \(i)", extra: "tags: [a, b\(i % 3)]\nviews: \(i * 10)") }
        let other = site.root.appendingPathComponent("public2")
        try site.build()
        try site.build(output: other)
        let one = TestSite.snapshot(site.output), two = TestSite.snapshot(other)
        #expect(one.count > 20)
        #expect(one == two)
    }

    @Test func slugClashIsAnError() throws {
        let site = try TestSite()
        try site.article("a", title: "同名")
        try site.article("b", title: "同名")
        let errors = site.buildErrors()
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("also used by") == true)
    }
}
