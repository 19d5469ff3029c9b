import PortfolioMarkdown
import Testing

/// Images: lazy-loaded everywhere, and a paragraph of one titled image is a figure.
@Suite("Markdown figures")
struct FigureTests {
    let renderer = MarkdownRenderer()

    @Test func aTitledImageAloneIsAFigureWithItsCaption() {
        let html = renderer.render("前文。\n\n![三個步驟](/images/stp.png \"圖一：區隔、目標、定位\")\n\n後文。\n").html
        #expect(html.contains("<figure><img loading=\"lazy\" src=\"/images/stp.png\" alt=\"三個步驟\" /><figcaption>圖一：區隔、目標、定位</figcaption></figure>"))
        #expect(!html.contains("<p><img"))
        #expect(!html.contains("title="))
    }

    @Test func imagesWithoutATitleOrInsideTextStayImages() {
        let html = renderer.render("![無標題](/a.png)\n\n文字中 ![行內](/b.png \"標題\") 的圖。\n").html
        #expect(!html.contains("<figure>"))
        #expect(html.contains("<p><img loading=\"lazy\" src=\"/a.png\" alt=\"無標題\" /></p>"))
        #expect(html.contains("<img loading=\"lazy\" src=\"/b.png\" alt=\"行內\" title=\"標題\" />"))
    }

    @Test func aCaptionIsEscapedAndCannotOpenAnAttribute() {
        let html = renderer.render("![a\"b](/c.png \"<script>x</script> \\\" onload=alert(1)\")\n").html
        #expect(html.contains("<figcaption>&lt;script&gt;x&lt;/script&gt; &quot; onload=alert(1)</figcaption>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("alt=\"a&quot;b\""))
    }

    @Test func textThatLooksLikeAnImageTagStaysText() {
        let html = renderer.render("`<img src=\"x\">` 與 &lt;p&gt;<img src=\"y\" />\n").html
        #expect(!html.contains("loading="))
    }
}
