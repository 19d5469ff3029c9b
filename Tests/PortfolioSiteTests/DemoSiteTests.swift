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

    /// The demo's templates are the repository's `templates/` folder: an edit there shows
    /// in the built site (on a copy, so the repository is left as it is).
    @Test func anEditedTemplateShows() throws {
        let fm = FileManager.default
        let copy = fm.temporaryDirectory.appendingPathComponent("demo-copy-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: copy) }
        try fm.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in ["portfolio.yml", "content", "templates"] {
            try fm.copyItem(at: Self.repoRoot.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        let template = copy.appendingPathComponent("templates/article.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        try text.replacingOccurrences(of: "{{> foot}}", with: "<p id=\"edited\">改過的範本</p>\n{{> foot}}")
            .write(to: template, atomically: true, encoding: .utf8)
        let output = copy.appendingPathComponent("public")
        try SiteBuilder.build(BuildOptions(siteRoot: copy, output: output), log: BuildLog(steps: SiteBuilder.stepCount) { _ in })
        let page = try String(contentsOf: output.appendingPathComponent("posts/stp/index.html"), encoding: .utf8)
        #expect(page.contains("<p id=\"edited\">改過的範本</p>"))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!home.contains("改過的範本"))
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
