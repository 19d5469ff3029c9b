import Foundation
import PortfolioSite
import PortfolioTestSupport
import Testing

@Suite("Demo site")
struct DemoSiteTests {
    /// The repository's own site: portfolio.yml and content/ at the package root.
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func buildDemo() throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
        let options = BuildOptions(siteRoot: Self.repoRoot, output: output)
        try SiteBuilder.build(options, log: BuildLog(steps: SiteBuilder.stepCount) { _ in })
        return output
    }

    @Test func everyInternalLinkResolves() throws {
        let output = try buildDemo()
        let files = TestSite.snapshot(output)
        let pages = files.keys.filter { $0.hasSuffix(".html") }
        #expect(pages.count > 40)
        var checked = 0, broken: [String] = []
        let pattern = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        for page in pages.sorted() {
            let html = String(decoding: files[page]!, as: UTF8.self)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!]).replacingOccurrences(of: "&amp;", with: "&")
                if link.hasPrefix("#") {
                    if !html.contains("id=\"\(link.dropFirst())\"") { broken.append("\(page): \(link)") }
                    checked += 1
                    continue
                }
                guard link.hasPrefix("/") else { continue }
                var path = String(link.dropFirst().split(separator: "#", omittingEmptySubsequences: false)[0])
                path = String(path.split(separator: "?", omittingEmptySubsequences: false)[0]).removingPercentEncoding ?? path
                if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
                if files[path] == nil { broken.append("\(page): \(link)") }
                checked += 1
            }
        }
        #expect(checked > 500)
        #expect(broken.isEmpty, "broken links: \(broken.prefix(10))")
    }

    @Test func demoArticlesFillEveryTaxonomy() throws {
        let output = try buildDemo()
        let files = TestSite.snapshot(output)
        #expect(files.keys.filter { $0.hasPrefix("posts/") && $0.hasSuffix("index.html") }.count >= 10)
        #expect(files.keys.filter { $0.hasPrefix("categories/") }.count >= 5)
        #expect(files.keys.filter { $0.hasPrefix("tags/") }.count >= 15)
        #expect(files.keys.contains { $0.hasPrefix("authors/") && $0 != "authors/index.html" })
        #expect(files.keys.filter { $0.hasPrefix("archives/") }.count >= 6)
        let stp = String(decoding: try #require(files["posts/stp/index.html"]), as: UTF8.self)
        #expect(stp.contains("<table>"))
        #expect(stp.contains("class=\"toc\""))
        #expect(!stp.contains("lang=\"zh-Hans\""))
        let simplified = String(decoding: try #require(files["posts/wechat-commerce/index.html"]), as: UTF8.self)
        #expect(simplified.contains("lang=\"zh-Hans\""))
    }
}
