import PortfolioCore
import PortfolioMarkdown
import Testing

@Suite("Soft line breaks between Chinese characters")
struct SoftBreakTests {
    let renderer = MarkdownRenderer()

    @Test func breakBetweenHanIsNothing() {
        let doc = renderer.render("這是第一行的中文句子，\n這是同一段的第二行\n")
        #expect(doc.html == "<p>這是第一行的中文句子，這是同一段的第二行</p>\n")
        #expect(doc.plainText == "這是第一行的中文句子，這是同一段的第二行")
        #expect(doc.firstParagraph == "這是第一行的中文句子，這是同一段的第二行")
    }

    @Test func latinKeepsASpace() {
        let doc = renderer.render("Market\nsegmentation\n")
        #expect(doc.html == "<p>Market\nsegmentation</p>\n")
        #expect(doc.plainText == "Market segmentation")
    }

    @Test("Chinese next to Latin keeps the break as a space")
    func mixedText() {
        let doc = renderer.render("行銷的核心是 STP\n理論，STP 即\nSegmentation\n與定位\n")
        #expect(doc.plainText == "行銷的核心是 STP 理論，STP 即 Segmentation 與定位")
        #expect(doc.html == "<p>行銷的核心是 STP\n理論，STP 即\nSegmentation\n與定位</p>\n")
    }

    @Test func kanaHangulAndFullWidthPunctuation() {
        #expect(renderer.render("マーケティング\nの基本\n").plainText == "マーケティングの基本")
        #expect(renderer.render("마케팅\n전략\n").plainText == "마케팅전략")
        #expect(renderer.render("（一）\n前言「重點」\n").plainText == "（一）前言「重點」")
    }

    @Test("a break next to emphasis or a link looks through the markup")
    func emphasisAndLinks() {
        let emphasis = renderer.render("這是**重點**\n*強調*的文字\n")
        #expect(emphasis.html == "<p>這是<strong>重點</strong><em>強調</em>的文字</p>\n")
        #expect(emphasis.plainText == "這是重點強調的文字")
        let link = renderer.render("請見[市場區隔](https://example.com/)\n的說明與[STP](https://example.com/stp)\n理論\n")
        #expect(link.html == "<p>請見<a href=\"https://example.com/\">市場區隔</a>的說明與<a href=\"https://example.com/stp\">STP</a>\n理論</p>\n")
        #expect(link.plainText == "請見市場區隔的說明與STP 理論")
    }

    @Test func hardBreaksStay() {
        let doc = renderer.render("第一行\\\n第二行\n")
        #expect(doc.html.contains("<br />"))
        #expect(doc.plainText == "第一行 第二行")
    }

    @Test("breaks in lists, quotes and headings follow the same rule")
    func otherBlocks() {
        let doc = renderer.render("- 列表項目\n  的下一行\n\n> 引文\n> 第二行\n\n標題\n的下一行\n---\n")
        #expect(doc.html.contains("<li>列表項目的下一行</li>"))
        #expect(doc.html.contains("<p>引文第二行</p>"))
        #expect(doc.headings.map(\.text) == ["標題的下一行"])
    }
}
