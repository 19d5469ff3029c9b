import Foundation
import PortfolioContent
import PortfolioCore
import Testing
@testable import PortfolioImport

@Suite("Writing imported posts as Markdown articles")
struct MarkdownArticleWriterTests {
    let writer = MarkdownArticleWriter()

    func post(_ index: Int) throws -> EportfolioPost {
        try Fixtures.page(Fixtures.lf).posts[index]
    }

    @Test("the whole file of the post with 全文連結: front matter, then one paragraph per line")
    func fullArticle() throws {
        let text = writer.article(for: try post(3), slug: "hui-yuan-zhi-du-ru-he-ti-gao-hui-gou-lu")
        #expect(text == """
            ---
            title: "會員制度如何提高回購率"
            date: 2020-02-14T18:45:30+08:00
            author: "林雅婷"
            category: "品牌管理"
            views: 765
            replies: 1
            source: "https://example.net/article/loyalty-bakery"
            slug: "hui-yuan-zhi-du-ru-he-ti-gao-hui-gou-lu"
            ---

            【案例整理】一家社區烘焙坊把集點卡改成手機會員後,三個月內回購率明顯上升。

            做法一:生日當月贈送小蛋糕,讓顧客有理由回來。

            做法二:每週五推出會員限定口味,數量有限。

            做法三:把消費紀錄用來安排備料,減少報廢。

            結論:

            會員制度的重點不是折扣,而是讓顧客覺得被記得。

            """)
    }

    @Test("a run of numbered lines is a list; a numbered title alone is a heading; the credit line stays a paragraph")
    func structure() throws {
        let body = writer.body(for: try post(4))
        #expect(body.hasPrefix("王小明\n\n口碑不是等來的"))
        #expect(body.contains("- Step 1. 找出最滿意的顧客\n- Step 2. 給他們值得分享的故事\n- Step 3."))
        let first = writer.body(for: try post(0))
        #expect(first.contains("品牌定位要先回答三個問題:\n\n## 1、我們替誰解決問題\n\n先描述"))
        #expect(!first.contains("https://"))
    }

    @Test("the rule on lines of every numbering style, bullets, and numbered sentences")
    func structureRule() {
        let blocks = ImportStructure.blocks([
            "一、前言", "這是第一段。", "（一）第一點", "（二）第二點", "1.3 微商的5大特性", "1、這是一句完整的話。",
            "• 甲", "• 乙", "① 步驟一", "② 步驟二", "1956 年的研究", "2018年雙11",
        ])
        #expect(blocks == [
            "## 一、前言", "這是第一段。", "- （一）第一點\n- （二）第二點", "### 1.3 微商的5大特性", "1、這是一句完整的話。",
            "- 甲\n- 乙", "- ① 步驟一\n- ② 步驟二", "1956 年的研究", "2018年雙11",
        ])
    }

    @Test("a link-only post has no body: its source is in the front matter, once")
    func linkOnly() throws {
        let text = writer.article(for: try post(1), slug: "x")
        #expect(text.hasSuffix("slug: \"x\"\n---\n"))
        #expect(!text.contains("原文連結"))
        #expect(text.contains("source: \"https://example.org/wiki/positioning\"\n"))
    }

    @Test("a percent-encoded address shows decoded and links encoded")
    func decodedLinks() {
        #expect(MarkdownEscaper.line("見 https://example.tw/%E6%96%87%E7%AB%A0 說明") ==
                "見 [https://example.tw/文章](<https://example.tw/%E6%96%87%E7%AB%A0>) 說明")
        #expect(MarkdownEscaper.line("見 https://example.com/a") == "見 <https://example.com/a>")
    }

    @Test("--tags-from-site: the site's tags that the post mentions, in the site's order")
    func tagsFromSite() throws {
        let tagged = MarkdownArticleWriter(siteTags: ["品牌定位", "口碑", "STP", "顧客", "不存在"])
        let front = tagged.frontMatter(for: try post(0), slug: "x")
        #expect(front.contains("tags: [\"品牌定位\", \"顧客\"]\n"))
        #expect(!writer.frontMatter(for: try post(0), slug: "x").contains("tags:"))
    }

    @Test("an empty post gets a dated title and, as a draft, no body")
    func emptyDraft() throws {
        let text = writer.article(for: try post(2), slug: "e", draft: true)
        #expect(text.contains("title: \"未命名 (2020-11-30 22:01:09)\"\n"))
        #expect(text.hasSuffix("slug: \"e\"\ndraft: true\n---\n"))
        #expect(!text.contains("source:"))
    }

    @Test("YAML values with : # quotes backslashes and controls read back exactly", arguments: [
        "定位: 三個問題 #1", "\"引號\" 和 '單引號'", "C:\\路徑\\", "- 不是清單", "yes", "2021", "tab\there", "行\u{2028}分隔", "@提及 & *星號",
    ])
    func yamlRoundTrip(title: String) throws {
        let quoted = YAMLScalar.quoted(title)
        let doc = try YAMLDocument("title: \(quoted)\n", path: "t.md", kind: .frontMatter)
        #expect(doc["title"].map(YAMLValue.init) == .string(title))
        #expect(YAMLScalar.value(quoted) == title)
        #expect(!quoted.contains("\n") && !quoted.contains("\t"))
    }

    @Test("the front matter of every sample post is valid YAML with the expected keys")
    func frontMatterParses() throws {
        for post in try Fixtures.page(Fixtures.lf).posts {
            let front = writer.frontMatter(for: post, slug: "s", draft: post.isEmpty)
            let yaml = front.split(separator: "\n").dropFirst().dropLast().joined(separator: "\n")
            let doc = try YAMLDocument(yaml, path: "t.md", kind: .frontMatter)
            var keys = ["title", "date", "author", "category", "views", "replies", "slug"]
            if post.source != nil { keys.insert("source", at: 6) }
            if post.isEmpty { keys.append("draft") }
            #expect(doc.keys == keys)
        }
    }
}
