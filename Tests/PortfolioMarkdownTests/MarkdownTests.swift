import PortfolioCore
import PortfolioMarkdown
import PortfolioContent
import Testing

@Suite("Markdown")
struct MarkdownTests {
    let renderer = MarkdownRenderer()

    @Test func gfmTable() {
        let doc = renderer.render("| 類別 | 變數 |\n| --- | --- |\n| 地理 | 城市 |\n")
        #expect(doc.html.contains("<table>"))
        #expect(doc.html.contains("<th>類別</th>"))
        #expect(doc.html.contains("<td>城市</td>"))
    }

    @Test func footnotes() {
        let doc = renderer.render("Smith 在 1956 年提出[^1]。\n\n[^1]: Journal of Marketing.\n")
        #expect(doc.html.contains("class=\"footnotes\""))
        #expect(doc.html.contains("href=\"#fn-1\""))
        #expect(doc.html.contains("Journal of Marketing."))
    }

    @Test func chineseHeadingAnchorsAreStableAndUnique() {
        let doc = renderer.render("## 市場區隔的程序\n\n文字\n\n## STP 與 C2M\n\n## 市場區隔的程序\n\n## ！？\n")
        #expect(doc.headings.map(\.anchor) == ["市場區隔的程序", "stp-與-c2m", "市場區隔的程序-1", "p-" + doc.headings[3].anchor.dropFirst(2)])
        #expect(doc.html.contains("<h2 id=\"市場區隔的程序\">市場區隔的程序</h2>"))
        #expect(doc.html.contains("<h2 id=\"市場區隔的程序-1\">"))
        #expect(!doc.html.contains("\u{E000}"))
    }

    @Test func strikethroughTaskListAutolink() {
        let doc = renderer.render("~~舊~~\n\n- [x] 完成\n- [ ] 未完\n\n見 https://example.com\n")
        #expect(doc.html.contains("<del>舊</del>"))
        #expect(doc.html.contains("type=\"checkbox\""))
        #expect(doc.html.contains("<a href=\"https://example.com\">"))
    }

    @Test func rawHTMLAndScriptLinksAreDroppedByDefault() {
        let doc = renderer.render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>b</b>\n")
        #expect(!doc.html.contains("<script>"))
        #expect(!doc.html.contains("javascript:"))
        #expect(!doc.html.contains("<b>"))
        let unsafe = MarkdownRenderer(unsafeHTML: true).render("<b>b</b>\n")
        #expect(unsafe.html.contains("<b>b</b>"))
    }

    @Test func plainTextAndFirstParagraph() {
        let doc = renderer.render("## 標題\n\n第一段**重點**文字。\n\n第二段。\n")
        #expect(doc.firstParagraph == "第一段重點文字。")
        #expect(doc.plainText == "標題\n第一段重點文字。\n第二段。")
    }

    @Test func readingTimeCountsChineseCharacters() {
        let chinese = String(repeating: "行銷", count: 400)  // 800 characters, no spaces
        #expect(WordCount.readingMinutes(chinese).minutes == 2)
        #expect(WordCount.count("STP 與 C2M 模式").han == 3)
        #expect(WordCount.count("STP 與 C2M 模式").words == 2)
        // Full-width letters and digits are words; CJK punctuation separates them.
        #expect(WordCount.count("ＳＴＰ，４Ｐ。Café déjà").words == 4)
    }

    @Test func summaryFallsBackToFirstParagraph() throws {
        var config = SiteConfig()
        config.summaryLength = 20
        let text = "---\ntitle: t\ndate: 2020-01-01\n---\n\n" + String(repeating: "利基市場是一個小而明確的區隔。", count: 5) + "\n"
        let article = try ArticleLoader(config: config).load(text: text, path: "a.md")
        #expect(article.summary == "利基市場是一個小而明確的區隔。")
    }

    /// Found while fuzzing the article loader: headings are found in the HTML by private-use
    /// markers, and the same characters in the text, with more digits than an Int holds,
    /// stopped the build on an overflow; with a small number they became an `id`.
    @Test("text that looks like a heading marker stays text")
    func headingMarkerLookalikes() throws {
        let big = "\u{E000}99999999999999999999\u{E001}", small = "\u{E000}0\u{E001}"
        let doc = renderer.render("# h\n\n\(big)\n\n\(small)\n\n## \(small)\n")
        try #require(doc.headings.count == 2)
        #expect(doc.html.contains("<h1 id=\"h\">h</h1>"))
        #expect(doc.html.contains("<p>\(big)</p>"))
        #expect(doc.html.contains("<p>\(small)</p>"))
        #expect(doc.html.contains("<h2 id=\"\(doc.headings[1].anchor)\">\(small)</h2>"))
    }
}
