import Foundation
import PortfolioContent
import PortfolioCore
import Testing

@Suite("One term for a name in two scripts")
struct ScriptGroupTests {
    func library(_ tags: [[String]], merge: Bool = true) throws -> Library {
        var config = SiteConfig()
        config.mergeScripts = merge
        let loader = ArticleLoader(config: config)
        let articles = try tags.enumerated().map { i, tags in
            try loader.load(text: "---\ntitle: 文章\(i)\ndate: 2020-01-0\(i + 1)\ntags: [\(tags.joined(separator: ", "))]\n---\n\n內文。\n",
                            path: "content/posts/a\(i).md")
        }
        return try Library(articles: articles, config: config)
    }

    @Test("Traditional and Simplified spellings share one tag page, in the majority spelling")
    func merged() throws {
        let lib = try library([["社會化營銷"], ["社会化营销", "STP"], ["社會化營銷"], ["STP"]])
        let merged = try #require(lib.tags.first { $0.name.hasPrefix("社") })
        #expect(lib.tags.count == 2)
        #expect(merged.name == "社會化營銷")
        #expect(merged.slug == "社會化營銷")
        #expect(merged.articles.count == 3)
        let simplified = try library([["社会化营销"], ["社会化营销"], ["社會化營銷"]])
        #expect(simplified.tags.map(\.name) == ["社会化营销"])
        #expect(simplified.tags.first?.slug == "社会化营销")
    }

    @Test("merge_scripts: false keeps two tag pages")
    func switchedOff() throws {
        let lib = try library([["社會化營銷"], ["社会化营销"]], merge: false)
        #expect(lib.tags.map(\.name).sorted() == ["社会化营销", "社會化營銷"])
        let config = try SiteConfig(yaml: "merge_scripts: false\n", path: "portfolio.yml")
        #expect(config.mergeScripts == false)
        #expect(SiteConfig().mergeScripts)
    }
}
