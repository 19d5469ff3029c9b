import Testing
@testable import PortfolioImport

@Suite("Escaping text and linking URLs in Markdown")
struct MarkdownEscaperTests {
    @Test("line starts that would be markup are escaped", arguments: [
        ("# 不是標題", "\\# 不是標題"), ("1. 不是清單", "1\\. 不是清單"), ("2) 也不是", "2\\) 也不是"),
        ("- 破折號", "\\- 破折號"), ("+ 加號", "\\+ 加號"), ("> 引言", "\\> 引言"), ("---", "\\---"),
        ("1、中文編號", "1、中文編號"), ("Step 1. 步驟", "Step 1. 步驟"), ("2021年", "2021年"),
    ])
    func lineStarts(input: String, expected: String) {
        #expect(MarkdownEscaper.line(input) == expected)
    }

    @Test("inline markup characters are escaped, entities too, plain & is not")
    func inline() {
        #expect(MarkdownEscaper.line("*重點* _底線_ `碼` [連結](x) <b> ~~刪~~ a\\b")
            == "\\*重點\\* \\_底線\\_ \\`碼\\` \\[連結\\](x) \\<b\\> \\~\\~刪\\~\\~ a\\\\b")
        #expect(MarkdownEscaper.line("P&G 與 &amp; 與 &#169;") == "P&G 與 \\&amp; 與 \\&#169;")
    }

    @Test("bare URLs become autolinks; surrounding punctuation stays text")
    func urls() {
        #expect(MarkdownEscaper.line("https://example.com/a_b*c") == "<https://example.com/a_b*c>")
        #expect(MarkdownEscaper.line("見https://a.tw/x。") == "見<https://a.tw/x>。")
        #expect(MarkdownEscaper.line("(see https://a.tw/p_(1)).") == "(see <https://a.tw/p_(1)>).")
        #expect(MarkdownEscaper.line("xhttps://a.tw") == "xhttps://a.tw")
        #expect(LinkScanner.bareURL("https://example.net/article/loyalty-bakery") == "https://example.net/article/loyalty-bakery")
        #expect(LinkScanner.bareURL("請看 https://a.tw") == nil)
    }

    /// Found while fuzzing the importer: every `)` after a link counted all the link's brackets again, so a
    /// page line of a link and 20,000 `)` took a minute and a half to import.
    @Test("a link followed by thousands of closing brackets is read at once", .timeLimit(.minutes(1)))
    func manyClosingBrackets() throws {
        let tail = String(repeating: ")", count: 50_000)
        #expect(LinkScanner.pieces("見 https://a.tw/x" + tail) == [.text("見 "), .url("https://a.tw/x"), .text(tail)])
        #expect(LinkScanner.pieces("https://a.tw/(x)" + tail) == [.url("https://a.tw/(x)"), .text(tail)])
        #expect(LinkScanner.pieces("https://a.tw/x?.)],") == [.url("https://a.tw/x"), .text("?.)],")])
        let page = try EportfolioParser.parse(
            text: "by 林雅婷 2021-05-04 09:15:02, 回應(0), 人氣(1)\n標題\n內文\nhttps://a.tw/x" + tail + "\n", path: "page.txt")
        #expect(page.posts.first?.lines == ["內文", "https://a.tw/x" + tail])
    }
}
