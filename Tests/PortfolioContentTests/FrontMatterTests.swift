import Foundation
import PortfolioContent
import PortfolioCore
import Testing

@Suite("Front matter")
struct FrontMatterTests {
    let loader = ArticleLoader(config: SiteConfig())

    func article(_ front: String, body: String = "正文。") throws -> Article {
        try loader.load(text: "---\n\(front)\n---\n\(body)\n", path: "content/a.md")
    }

    func errors(_ text: String) -> [PortfolioError] {
        do {
            _ = try loader.load(text: text, path: "content/bad.md")
            return []
        } catch {
            return error.errors
        }
    }

    @Test func readsEveryKey() throws {
        let a = try article("""
        title: "STP 理論: 區隔"
        date: 2019-12-09 16:17:37
        updated: 2020-01-02T03:04:05+08:00
        author: 林雅婷
        categories: [行銷策略, 個案]
        tags: [STP, 市場區隔]
        summary: 一段摘要
        slug: stp-theory
        views: 907
        replies: 3
        source: https://example.com/stp
        draft: true
        aliases: [/old/stp/]
        mood: happy
        """)
        #expect(a.title == "STP 理論: 區隔")
        #expect(a.author == "林雅婷")
        #expect(a.categories == ["行銷策略", "個案"])
        #expect(a.tags == ["STP", "市場區隔"])
        #expect(a.summary == "一段摘要")
        #expect(a.slug == "stp-theory")
        #expect(a.views == 907 && a.replies == 3)
        #expect(a.source == "https://example.com/stp")
        #expect(a.draft)
        #expect(a.aliases == ["/old/stp/"])
        #expect(a.params["mood"] == .string("happy"))
        #expect(DateFormatting(timeZone: SiteConfig().timeZone).iso(a.updated!) == "2020-01-02T03:04:05+08:00")
    }

    @Test func bothDateFormsMeanTheSameInstant() throws {
        let plain = try article("title: a\ndate: 2019-12-09 16:17:37")
        let iso = try article("title: a\ndate: 2019-12-09T08:17:37Z")
        let offset = try article("title: a\ndate: 2019-12-09T16:17:37+08:00")
        #expect(plain.date == iso.date)
        #expect(plain.date == offset.date)
        #expect(plain.date.timeIntervalSince1970 == 1_575_879_457)
    }

    @Test func singleCategoryAndDefaults() throws {
        let a = try article("title: 衝動購買\ndate: 2020-01-01\ncategory: 消費者行為")
        #expect(a.categories == ["消費者行為"])
        #expect(a.author == SiteConfig().author)
        #expect(a.views == 0 && a.replies == 0 && !a.draft)
        #expect(a.slug == "衝動購買")
    }

    @Test func badYAMLNamesTheLine() {
        let found = errors("---\ntitle: ok\ndate: 2020-01-01\ntags: [a, b\nviews: 3\n---\nbody\n")
        #expect(found.count == 1)
        #expect(found.first?.location?.path == "content/bad.md")
        #expect((found.first?.location?.line ?? 0) >= 4)
        #expect(found.first?.kind == .frontMatter)
    }

    @Test func badValuesAreAllReportedWithTheirLines() {
        let found = errors("---\ntitle: ok\ndate: yesterday\nviews: many\n---\n")
        #expect(found.map(\.location?.line) == [3, 4])
        #expect(found[0].message.contains("yesterday"))
    }

    @Test func missingFrontMatterAndTitle() {
        #expect(errors("# no front matter\n").first?.location?.line == 1)
        #expect(errors("---\ntitle: never closed\n").first?.message.contains("not closed") == true)
        #expect(errors("---\ndate: 2020-01-01\n---\n").first?.message.contains("title") == true)
    }
}
