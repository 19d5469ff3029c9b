import Foundation
import PortfolioCore
import PortfolioPublish
import PortfolioSite
import PortfolioTestSupport
import Testing

@Suite("publish")
struct PublishTests {
    static func publish(_ site: TestSite, output: URL? = nil) throws {
        let options = BuildOptions(siteRoot: site.root, output: output ?? site.output, now: Date(timeIntervalSince1970: 1_700_000_000))
        try Publisher.publish(options, log: BuildLog(steps: Publisher.stepCount) { _ in })
    }

    static func goodSite() throws -> TestSite {
        let site = try TestSite(config: "title: 發佈站\nbase_url: https://example.org/\ncname: Blog.Example.org\ncounter:\n  endpoint: https://count.example.net:8443/api\n")
        try site.article("stp", title: "STP 理論", extra: "slug: stp\naliases: [/old/stp.html, /舊/stp/]", body: "## 市場區隔\n\n正文。")
        try site.article("c2m", title: "C2M", extra: "slug: c2m", body: "[STP](/posts/stp/#市場區隔)")
        try site.write("static/js/extra.js", "console.log('extra');\n")
        return site
    }

    /// Pages load the hashed names with their integrity; the old names are gone; every
    /// compressed sibling gives back its file's bytes.
    @Test func assetsAreHashedAndFilesPrecompressed() throws {
        let site = try Self.goodSite()
        try Self.publish(site)
        let files = TestSite.snapshot(site.output)
        let css = try #require(files.keys.first { $0.range(of: #"^assets/style\.[0-9a-f]{10}\.css$"#, options: .regularExpression) != nil })
        #expect(files.keys.contains { $0.range(of: #"^js/extra\.[0-9a-f]{10}\.js$"#, options: .regularExpression) != nil })
        #expect(files["assets/style.css"] == nil && files["js/extra.js"] == nil)
        let integrity = "sha384-" + Data(SHA384.hash(Array(files[css]!))).base64EncodedString()
        let home = try #require(site.read("index.html"))
        #expect(home.contains("href=\"/\(css)\" integrity=\"\(integrity)\""))
        #expect(!home.contains("assets/style.css"))
        for (path, bytes) in files where path.hasSuffix(".br") || path.hasSuffix(".gz") {
            let original = try #require(files[String(path.dropLast(3))])
            let decoded = path.hasSuffix(".br") ? Brotli.decompress(Array(bytes)) : Gzip.decompress(Array(bytes))
            #expect(decoded == Array(original), "\(path)")
            #expect(bytes.count < original.count)
        }
        #expect(files["index.html.br"] != nil && files["index.html.gz"] != nil && files["search/manifest.json.br"] != nil)
        #expect(files.keys.filter { $0.hasSuffix(".png.br") || $0.hasSuffix("_headers.br") }.isEmpty)
    }

    /// The host files: a 301 per alias, CNAME from the config, a policy that lets the
    /// counter reach its service, the immutable cache for each hashed asset only.
    @Test func hostRules() throws {
        let site = try Self.goodSite()
        try Self.publish(site)
        #expect(site.read("_redirects")?.contains("/old/stp.html /posts/stp/ 301\n") == true)
        #expect(site.read("_redirects")?.contains("/%E8%88%8A/stp/ /posts/stp/ 301\n") == true)
        #expect(site.read("CNAME") == "blog.example.org\n")
        #expect(site.exists(".nojekyll"))
        let headers = try #require(site.read("_headers"))
        #expect(headers.contains("connect-src 'self' https://count.example.net:8443;"))
        #expect(headers.contains("script-src 'self';") && !headers.contains("unsafe-inline"))
        // One immutable rule per hashed stylesheet or script (the theme's, search.js, extra.js), each right after its path.
        let hashed = TestSite.snapshot(site.output).keys.filter { $0.range(of: #"\.[0-9a-f]{10}\.(css|js)$"#, options: .regularExpression) != nil }
        let lines = headers.components(separatedBy: "\n")
        #expect(hashed.count >= 4 && lines.filter { $0.contains("immutable") }.count == hashed.count)
        for path in hashed { #expect(lines.firstIndex(of: "/" + path).map { lines[$0 + 1].contains("immutable") } == true, "\(path)") }
        let nginx = try #require(site.read("nginx.conf"))
        #expect(nginx.contains("location = \"/舊/stp/\" { return 301 \"/posts/stp/\"; }"))
        #expect(nginx.contains("gzip_static on;") && nginx.contains("error_page 404 \"/404.html\";"))
        #expect(site.read("Caddyfile")?.contains("precompressed br gzip") == true)
        // The old meta-refresh pages stay, for hosts that cannot redirect.
        #expect(site.read("old/stp.html")?.contains("http-equiv=\"refresh\"") == true)
    }

    /// Addresses from front matter reach the host files escaped: percent-encoded in
    /// `_redirects` and `_headers`, quoted in the servers' configs.
    @Test func aliasesAreEscapedInHostFiles() throws {
        let site = try TestSite(config: "title: t\nbase_url: https://example.org/\n")
        try site.article("a", title: "A", extra: "slug: a\naliases: [\"/舊 \\\"x\\\"; {y}/\"]")
        try Self.publish(site)
        #expect(site.read("_redirects")?.contains("\n/%E8%88%8A%20%22x%22%3B%20%7By%7D/ /posts/a/ 301\n") == true)
        #expect(site.read("nginx.conf")?.contains("location = \"/舊 \\\"x\\\"; {y}/\" { return 301 \"/posts/a/\"; }") == true)
        #expect(site.read("Caddyfile")?.contains("redir \"/舊 \\\"x\\\"; {y}/\" \"/posts/a/\" permanent") == true)
    }

    /// The same sources published twice give the same bytes, compressed files included.
    @Test func publishingTwiceGivesTheSameBytes() throws {
        let site = try Self.goodSite()
        try Self.publish(site)
        let first = TestSite.snapshot(site.output)
        try Self.publish(site)
        #expect(TestSite.snapshot(site.output) == first)
        #expect(first.count > 50)
    }

    /// A publish into a folder that held an earlier publish takes the compressed files of
    /// unchanged files from it; after an edit, the folder is what a publish into an empty
    /// folder gives (but for the servers' `root`, which names the folder).
    @Test func reusedCompressedFilesEqualNewOnes() throws {
        let site = try Self.goodSite()
        for _ in 0..<3 { try Self.publish(site) }
        try site.article("c2m", title: "C2M 改過", extra: "slug: c2m", body: "[STP](/posts/stp/#市場區隔) 新的一段。")
        try Self.publish(site)
        try Self.publish(site)
        let fresh = site.root.appendingPathComponent("fresh")
        try Self.publish(site, output: fresh)
        var warm = TestSite.snapshot(site.output), cold = TestSite.snapshot(fresh)
        for name in ["nginx.conf", "Caddyfile"] {
            #expect(warm.removeValue(forKey: name) != nil && cold.removeValue(forKey: name) != nil)
        }
        #expect(warm == cold)
        #expect(String(decoding: warm["posts/c2m/index.html.br"].flatMap { Brotli.decompress(Array($0)) } ?? [], as: UTF8.self).contains("C2M 改過"))
    }

    /// A broken link fails the publish with its page and line, and the previous output
    /// stays byte for byte.
    @Test func aBrokenLinkKeepsThePreviousOutput() throws {
        let site = try Self.goodSite()
        try Self.publish(site)
        let before = TestSite.snapshot(site.output)
        try site.article("bad", title: "壞", extra: "slug: bad", body: "第一段。\n\n[斷](/posts/gone/)")
        var errors: [PortfolioError] = []
        do { try Self.publish(site) } catch let error as PortfolioErrors { errors = error.errors }
        #expect(errors.count == 1)
        let page = try #require(errors.first)
        #expect(page.kind == .link && page.step == "check" && page.location?.path == "posts/bad/index.html")
        #expect(page.description.contains("broken link: /posts/gone/"))
        #expect(TestSite.snapshot(site.output) == before)
    }

    @Test func aBadCNAMEIsAConfigError() throws {
        let site = try TestSite(config: "title: t\ncname: \"not a host\"\n")
        #expect(site.buildErrors().map(\.description) == ["portfolio.yml:2: config error: cname: must be a domain name such as blog.example.org [config]"])
    }
}
