import PortfolioContent
import PortfolioCore
import Testing

@Suite("Automatic summaries")
struct SummaryTests {
    func article(_ body: String, front: String = "", length: Int = 120) throws -> Article {
        var config = SiteConfig()
        config.summaryLength = length
        let text = "---\ntitle: t\ndate: 2020-01-01\n\(front)---\n\n" + body
        return try ArticleLoader(config: config).load(text: text, path: "content/posts/a.md")
    }

    @Test("an empty summary: key means automatic")
    func emptySummaryIsAutomatic() throws {
        #expect(try article("利基市場是一個小而明確的區隔。\n", front: "summary: \"\"\n").summary == "利基市場是一個小而明確的區隔。")
        #expect(try article("利基市場。\n", front: "summary: \"  \"\n").summary == "利基市場。")
        #expect(try article("利基市場。\n", front: "summary: 自己寫的\n").summary == "自己寫的")
    }

    @Test func skipsHeadingsBareURLsAndSectionNumbers() throws {
        let body = """
        # 爆品達摩院

        1 # 爆品達摩院

        1.3 微商的5大特性

        https://example.com/%E5%BE%AE%E5%95%86

        微商靠的是信任。朋友買了，朋友的朋友也會買。

        """
        #expect(try article(body).summary == "微商靠的是信任。朋友買了，朋友的朋友也會買。")
    }

    @Test("a first line that credits a writer is left out")
    func creditLine() throws {
        #expect(try article("作者：織田紀香\n社群導購是把對話變成訂單。\n").summary == "社群導購是把對話變成訂單。")
        #expect(try article("文／織田紀香\n\n社群導購是把對話變成訂單。\n").summary == "社群導購是把對話變成訂單。")
        #expect(try article("By Jane Doe\n\nNiche marketing serves a narrow segment.\n").summary == "Niche marketing serves a narrow segment.")
        // A sentence that happens to start with 文 is prose.
        #expect(try article("文字是行銷的工具。\n").summary == "文字是行銷的工具。")
    }

    @Test("the summary ends at a sentence end within the length")
    func sentenceBoundary() throws {
        let body = "利基市場是一個小而明確的區隔。大企業不容易照顧到它的需求！於是專家就有了機會？最後一句很長很長很長很長很長很長。\n"
        #expect(try article(body, length: 40).summary == "利基市場是一個小而明確的區隔。大企業不容易照顧到它的需求！於是專家就有了機會？")
        let noStop = String(repeating: "字", count: 50) + "\n"
        #expect(try article(noStop, length: 20).summary == String(repeating: "字", count: 20) + "…")
    }

    @Test("only the first paragraph of prose, so an edit further down keeps the summary")
    func firstParagraphOnly() throws {
        #expect(try article("第一段。\n\n第二段。\n", length: 120).summary == "第一段。")
    }

    @Test("list paragraphs only when there is no other prose")
    func listsLast() throws {
        #expect(try article("- 清單裡的句子。\n\n正文的句子。\n").summary == "正文的句子。")
        #expect(try article("- 只有清單。\n").summary == "只有清單。")
    }

    @Test func sectionNumbers() {
        #expect(SectionNumber.parse("1、找到受眾")?.style == .arabic)
        #expect(SectionNumber.parse("1.3 微商的5大特性")?.dotted == true)
        #expect(SectionNumber.parse("一、前言")?.rest == "前言")
        #expect(SectionNumber.parse("（十二）結語")?.value == 12)
        #expect(SectionNumber.parse("第三章 定位")?.style == .chapter)
        #expect(SectionNumber.parse("Step 1. Find them")?.style == .step)
        #expect(SectionNumber.parse("② 第二步")?.value == 2)
        #expect(SectionNumber.parse("1956 年 Smith 提出") == nil)
        #expect(SectionNumber.parse("2018年雙11") == nil)
        #expect(SectionNumber.parse("一些人") == nil)
        #expect(SectionNumber.parse("Stepping up") == nil)
    }
}
