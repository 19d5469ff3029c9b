import Foundation
import PortfolioPublish
import PortfolioSite
import PortfolioTestSupport
import Testing

@Suite("check")
struct LinkCheckerTests {
    /// Every kind of problem is found once, at the page and line where it is, and nothing
    /// else is reported: the good link with a Chinese anchor, `#top` and the image with
    /// alt text pass.
    @Test func findsEachKindOfProblemAtItsLine() throws {
        let site = try BrokenSite.make()
        try site.build()
        let report = LinkChecker(folder: site.output, baseURL: "https://example.org/").run()
        let page = try #require(site.read("posts/problems/index.html"))
        let extra = try #require(site.read("extra.html"))
        let alias = try #require(site.read("posts/%E5%B8%82%E5%A0%B4/index.html"))
        func at(_ text: String, _ file: String) throws -> Int { try #require(BrokenSite.line(of: text, in: file)) }
        let expected: [CheckProblem] = [
            CheckProblem(.error, "posts/problems/index.html", line: try at("/posts/none/", page), "broken link: /posts/none/ (no file /posts/none/)"),
            CheckProblem(.error, "posts/problems/index.html", line: try at("#nowhere", page), "missing anchor #nowhere in /posts/target/index.html"),
            CheckProblem(.error, "posts/problems/index.html", line: try at("/images/none.png", page), "missing image: /images/none.png (no file /images/none.png)"),
            CheckProblem(.warning, "posts/problems/index.html", line: try at("src=\"/images/a.png\"", page), "image without alt text"),
            CheckProblem(.error, "extra.html", line: try at("css/none.css", extra), "missing stylesheet: /css/none.css (no file /css/none.css)"),
            CheckProblem(.error, "extra.html", line: try at("js/none.js", extra), "missing script: /js/none.js (no file /js/none.js)"),
            CheckProblem(.warning, "extra.html", line: 1, "no other page links to this page"),
            CheckProblem(.error, "posts/%E5%B8%82%E5%A0%B4/index.html", line: try at("http-equiv=\"refresh\"", alias),
                         "alias collides with the page /posts/市場/index.html: a server decodes this address to that page, so the redirect is never reached"),
        ].sorted()
        #expect(report.problems == expected)
        #expect(report.problems.first?.description.hasPrefix("extra.html:") == true)
    }

    /// The demo site, built or published, has no error. Its warnings can only be pages that
    /// nothing links to: the demo's menu (in portfolio.yml) links 關於 instead of 作者, so
    /// `/authors/` is reached from no page, which check rightly says.
    @Test func demoSiteHasNone() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for publish in [false, true] {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("check-demo-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: output) }
            let options = BuildOptions(siteRoot: root, output: output)
            if publish { try Publisher.publish(options, log: BuildLog(steps: Publisher.stepCount) { _ in }) }
            else { try SiteBuilder.build(options, log: BuildLog(steps: SiteBuilder.stepCount) { _ in }) }
            let report = LinkChecker(folder: output, baseURL: "https://example.org/").run()
            #expect(report.errors.map(\.description) == [])
            #expect(report.warnings.allSatisfy { $0.message == "no other page links to this page" && $0.line == 1 })
            #expect(report.pages > 60 && report.references > 1000)
        }
    }

    /// Relative links, `..`, an absolute link to the site itself, a folder without its
    /// final slash, and links that are not checked (mail, other sites).
    @Test func resolvesTheWaysAnAddressIsWritten() throws {
        let site = try TestSite(config: "title: t\nbase_url: https://example.org/blog/\nmarkdown:\n  unsafe_html: true\n")
        try site.article("a", title: "A", extra: "slug: a", body: """
            [1](../b/) [2](https://example.org/blog/posts/b/) [3](/blog/posts/b) [4](mailto:x@example.org)
            [5](https://other.example/) [6](//example.org/blog/posts/b/?q=1) [7](../b/index.html#小結)

            [8](/posts/b/)

            ## 小結
            """)
        try site.article("b", title: "B", extra: "slug: b", body: "## 小結\n\n[a](../a/)")
        try site.build()
        let report = LinkChecker(folder: site.output, baseURL: "https://example.org/blog/").run()
        #expect(report.errors.map(\.message) == ["broken link: /posts/b/ is outside the site"])
        // The theme's share links are external too; the site's own absolute links are not.
        #expect(report.external.keys.contains("https://other.example/"))
        #expect(!report.external.keys.contains { $0.hasPrefix("https://example.org/") || $0.hasPrefix("//") })
    }
}
