import Foundation
import PortfolioImport
import PortfolioSite
import PortfolioTestSupport
import Testing

@Suite("Imported site")
struct ImportedSiteTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PortfolioImportTests/Fixtures/sample-export.txt")

    @Test func importsTheSampleAndBuildsASiteFromIt() throws {
        let site = try TestSite(config: "title: 匯入測試\nauthor: 林雅婷\nbase_url: https://example.org/\n")
        let into = site.root.appendingPathComponent("content/posts").path
        let report = Importer(options: ImportOptions(into: into)).run(paths: [Self.sample.path])
        #expect(!report.hasFailures)
        #expect(report.count(.create) == 4)
        let built = try site.build()
        #expect(built.articles == 4)
        #expect(built.categories == 1)
        #expect(site.exists("categories/品牌管理/index.html"))
        #expect(site.exists("authors/林雅婷/index.html"))
        #expect(site.exists("archives/2016/07/index.html"))
        let article = try #require(site.read("posts/hui-yuan-zhi-du-ru-he-ti-gao-hui-gou-lu/index.html"))
        #expect(article.contains("2020-02-14 18:45:30</time>, <span class=\"nowrap\">回應(1)</span>, <span class=\"nowrap\">人氣(<span class=\"views\" data-views-id=\"hui-yuan-zhi-du-ru-he-ti-gao-hui-gou-lu\">765</span>)</span>"))
        #expect(article.contains("href=\"https://example.net/article/loyalty-bakery\""))
    }
}
