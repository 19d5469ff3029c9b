import Foundation
import PortfolioCore
import Testing
@testable import PortfolioImport

@Suite("Parsing saved ePortfolio pages")
struct EportfolioParserTests {
    let iso = DateFormatting(timeZone: EportfolioParser.platformTimeZone)

    @Test("the sample has five posts with every header field right")
    func headerFields() throws {
        let page = try Fixtures.page(Fixtures.lf)
        #expect(page.breadcrumb == EportfolioBreadcrumb(author: "林雅婷", category: "品牌管理"))
        let expected: [(String, String, Int, Int, Int)] = [
            ("品牌定位的三個問題 (Brand Positioning) 筆記", "2021-05-04T09:15:02+08:00", 431, 2, 3),
            ("品牌定位的三個問題 (Brand Positioning) 導讀", "2021-05-04T09:10:44+08:00", 120, 0, 30),
            ("", "2020-11-30T22:01:09+08:00", 88, 0, 36),
            ("會員制度如何提高回購率", "2020-02-14T18:45:30+08:00", 765, 1, 40),
            ("口碑行銷的四個步驟", "2016-07-01T08:00:00+08:00", 2048, 0, 58),
        ]
        try #require(page.posts.count == expected.count)
        for (post, want) in zip(page.posts, expected) {
            #expect(post.title == want.0)
            #expect(iso.iso(post.date) == want.1)
            #expect(post.views == want.2)
            #expect(post.replies == want.3)
            #expect(post.line == want.4)
            #expect(post.author == "林雅婷")
            #expect(post.category == "品牌管理")
        }
    }

    @Test("LF and CRLF pages parse to the same posts")
    func lineEndings() throws {
        #expect(try Fixtures.page(Fixtures.lf).posts == Fixtures.page(Fixtures.crlf).posts)
        #expect(TextLines.split("a\r\nb\rc\n\nd") == ["a", "b", "c", "", "d"])
    }

    @Test("sources: a trailing link, a link under 全文連結, a link-only post, none")
    func sources() throws {
        let posts = try Fixtures.page(Fixtures.lf).posts
        #expect(posts[0].source == "https://example.com/notes/brand-positioning")
        #expect(posts[1].source == "https://example.org/wiki/positioning")
        #expect(posts[1].isLinkOnly && posts[1].paragraphs.isEmpty)
        #expect(posts[2].source == nil)
        #expect(posts[3].source == "https://example.net/article/loyalty-bakery")
        #expect(!posts[3].lines.contains("全文連結"))
        #expect(posts[4].source == nil)
    }

    @Test("the empty post is empty and only it")
    func emptyPost() throws {
        let posts = try Fixtures.page(Fixtures.lf).posts
        #expect(posts.map(\.isEmpty) == [false, false, true, false, false])
    }

    @Test("no-break-space lines and blank runs become single paragraph breaks; trailing spaces go")
    func paragraphs() throws {
        let posts = try Fixtures.page(Fixtures.lf).posts
        #expect(posts[0].paragraphs == [
            ["品牌定位要先回答三個問題:"], ["1、我們替誰解決問題"], ["先描述顧客是誰、在什麼情境下需要我們,再談產品本身。"],
            ["2、我們和替代方案有何不同"], ["列出顧客原本的做法,說明我們省下的時間或成本。"],
            ["3、顧客為何相信我們"], ["用案例、數據或第三方評價支持前兩個答案。"],
        ])
        #expect(posts[3].paragraphs == [
            ["【案例整理】一家社區烘焙坊把集點卡改成手機會員後,三個月內回購率明顯上升。",
             "做法一:生日當月贈送小蛋糕,讓顧客有理由回來。", "做法二:每週五推出會員限定口味,數量有限。",
             "做法三:把消費紀錄用來安排備料,減少報廢。"],
            ["結論:"], ["會員制度的重點不是折扣,而是讓顧客覺得被記得。"],
        ])
        for line in posts.flatMap(\.lines) + posts.map(\.title) {
            #expect(!line.contains("\u{A0}") && line == line.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test("a first body line naming another writer is kept and noted as the credit")
    func credit() throws {
        let posts = try Fixtures.page(Fixtures.lf).posts
        #expect(posts[4].credit == "王小明")
        #expect(posts[4].paragraphs.first == ["王小明", "口碑不是等來的,而是設計出來的。以下是四個可以照著做的步驟:"])
        #expect(posts[4].paragraphs.dropFirst().map { $0 } == [
            ["Step 1. 找出最滿意的顧客"], ["Step 2. 給他們值得分享的故事"], ["Step 3. 讓分享變得很容易"], ["Step 4. 感謝每一位分享者"],
        ])
        #expect(posts.prefix(4).allSatisfy { $0.credit == nil })
    }

    @Test("no text is lost: every line of the page is a title, a body line, a source or the label")
    func noTextLost() throws {
        let text = try String(decoding: Fixtures.data(Fixtures.lf), as: UTF8.self)
        let page = try Fixtures.page(Fixtures.lf)
        var kept = Set(page.posts.flatMap { [$0.title] + $0.lines + [$0.source ?? ""] })
        kept.formUnion(["知識社群ePortfolio登入", "位置: 林雅婷 > 品牌管理", "全文連結"])
        for line in TextLines.split(text) where !EportfolioHeader.isHeader(line) {
            let trimmed = EportfolioText.trimmed(line)
            #expect(trimmed.isEmpty || kept.contains(trimmed), "lost: \(trimmed)")
        }
    }

    @Test("header lines: counts with thousands separators, full-width brackets, names with spaces")
    func headerVariants() throws {
        let dates = DateParser(timeZone: EportfolioParser.platformTimeZone)
        let at = SourceLocation(path: "x", line: 1)
        let header = try EportfolioHeader.parse("by Amy Lin 2019-12-09 16:17:37， 回應（3）, 人氣(1,234) ", at: at, dates: dates)
        #expect(header.author == "Amy Lin" && header.replies == 3 && header.views == 1234)
        #expect(header.dateText == "2019-12-09 16:17:37")
        #expect(!EportfolioHeader.isHeader("by the way, 我們"))
    }
}
