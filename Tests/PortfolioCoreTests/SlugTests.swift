import PortfolioCore
import Testing

@Suite("Slugs")
struct SlugTests {
    @Test func keepsChineseAndLowercasesLatin() {
        #expect(Slug.make("利基市場行銷(上): 什麼是利基") == "利基市場行銷-上-什麼是利基")
        #expect(Slug.make("STP 理論") == "stp-理論")
        #expect(Slug.make("ＳＴＰ　理論") == "stp-理論")
    }

    @Test func neverEmpty() {
        let a = Slug.make("！？…"), b = Slug.make("   ")
        #expect(!a.isEmpty && !b.isEmpty)
        #expect(a != b)
        #expect(Slug.make("！？…") == a)
    }

    @Test func pinyin() {
        #expect(Slug.make("營銷策略", style: .pinyin) == "ying-xiao-ce-lue")
        #expect(Slug.make("C2M 模式", style: .pinyin) == "c2m-mo-shi")
    }

    @Test func truncatesAtLength() {
        let slug = Slug.make(String(repeating: "市場 ", count: 60), maxLength: 20)
        #expect(slug.count <= 20 && !slug.hasSuffix("-"))
    }
}

@Suite("Escaping")
struct EscapeTests {
    @Test func htmlXmlJson() {
        let evil = "<script>alert(\"x\")</script>&'"
        #expect(Escape.html(evil) == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;")
        #expect(Escape.xml(evil + "\u{1}") == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&apos;")
        #expect(Escape.jsonString("</script>\"\n") == "\"\\u003c/script\\u003e\\\"\\n\"")
    }

    @Test func xmlKeepsPlainTextAndDropsNonCharacters() {
        let chinese = "市場區隔，目標（STP）：定位。"
        #expect(Escape.xml(chinese) == chinese)
        #expect(Escape.xml("a\u{FFFE}b\u{FFFF}c\u{FFFD}") == "abc\u{FFFD}")
        #expect(Escape.xml("行\t銷\n") == "行\t銷\n")
    }

    @Test func trimmedKeepsInnerSpaceAndDropsOuter() {
        #expect("STP 理論".trimmed == "STP 理論")
        #expect("\u{3000} 行銷\n".trimmed == "行銷")
        #expect(" \t ".trimmed == "")
    }

    @Test func urlSegments() {
        #expect(Escape.urlPathSegment("市場 a/b") == "%E5%B8%82%E5%A0%B4%20a%2Fb")
        #expect(Escape.urlPathSegment("c2m-model_v1.0~") == "c2m-model_v1.0~")
        #expect(SiteLinks(baseURL: "https://example.org/blog").path("tags/市/") == "/blog/tags/%E5%B8%82/")
    }
}
