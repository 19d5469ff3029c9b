import Foundation
import PortfolioCore
import PortfolioPublish
import PortfolioSite
import PortfolioTestSupport
import Testing

@Suite("cache rules")
struct CacheRulesTests {
    /// A rule ending in `*` covers its folder; an exact rule only its address; anything
    /// else gets the fallback.
    @Test func matching() {
        let rules = CacheRules(hashedAssets: ["/assets/a.0123456789.css"], pageRules: ["/", "/index.html", "/posts/*"])
        #expect(rules.cacheControl(for: "/assets/a.0123456789.css") == SecurityHeaders.immutable)
        #expect(rules.cacheControl(for: "/posts/%E5%B8%82/index.html") == SecurityHeaders.revalidate)
        #expect(rules.cacheControl(for: "/index.html") == SecurityHeaders.revalidate)
        #expect(rules.cacheControl(for: "/assets/a.css") == CacheRules.fallback)
        #expect(rules.value(for: "/postsx/index.html") == nil && rules.cacheControl(for: "/postsx/index.html") == CacheRules.fallback)
    }

    /// The rules publish writes into `_headers` read back as the same rules: every hashed
    /// asset immutable, every page revalidated, under a base URL with a path too.
    @Test func publishedHeadersReadBack() throws {
        let site = try TestSite(config: "title: 站\nbase_url: https://example.org/blog/\n")
        try site.article("stp", title: "STP 理論", extra: "slug: stp")
        try site.write("static/js/extra.js", "console.log('extra');\n")
        let options = BuildOptions(siteRoot: site.root, output: site.output, now: Date(timeIntervalSince1970: 1_700_000_000))
        try Publisher.publish(options, log: BuildLog(steps: Publisher.stepCount) { _ in })
        let rules = CacheRules(headers: try #require(site.read("_headers")))
        let files = TestSite.snapshot(site.output).keys
        let hashed = files.filter { $0.range(of: #"\.[0-9a-f]{10}\.(css|js)$"#, options: .regularExpression) != nil }
        #expect(hashed.count >= 3 && rules.rules.filter { $0.value == SecurityHeaders.immutable }.count == hashed.count)
        for path in hashed { #expect(rules.cacheControl(for: "/blog/" + SiteLinks.encode(path)) == SecurityHeaders.immutable, "\(path)") }
        let pages = files.filter { $0.hasSuffix("index.html") }
        #expect(pages.contains("index.html") && pages.contains("posts/stp/index.html"))
        for path in pages { #expect(rules.value(for: "/blog/" + SiteLinks.encode(path)) == SecurityHeaders.revalidate, "\(path)") }
        #expect(rules.value(for: "/blog/images/x.png") == nil)
    }
}
