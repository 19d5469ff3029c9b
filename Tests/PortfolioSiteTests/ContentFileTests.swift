import Foundation
import PortfolioCore
import PortfolioTestSupport
import Testing

@Suite("Content files")
struct ContentFileTests {
    @Test func aLongArticleIsReadToItsLastByte() throws {
        let site = try TestSite()
        // About 600 KB of Chinese text: far more than one small read, and the end is what is checked.
        let paragraphs = (0..<2000).map { "第 \($0) 段:市場區隔、目標市場與定位,社群電商與 C2M。" }
        try site.article("long", title: "長文", extra: "slug: long", body: paragraphs.joined(separator: "\n\n") + "\n\n最後一段在這裡。")
        try site.build()
        let page = try #require(site.read("posts/long/index.html"))
        #expect(page.contains("第 1999 段"))
        #expect(page.contains("最後一段在這裡。"))
    }

    @Test func filesThatAreNotUTF8AreAllReportedAndTheOutputStays() throws {
        let site = try TestSite()
        try site.article("good", title: "好文")
        try site.build()
        let before = TestSite.snapshot(site.output)
        // "中文" in Big5, then a lone continuation byte.
        let big5: [UInt8] = Array("---\ntitle: 舊文\ndate: 2020-01-02\n---\n\n".utf8) + [0xA4, 0xA4, 0xA4, 0xE5]
        try Data(big5).write(to: site.root.appendingPathComponent("content/posts/big5.md"))
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0x80]).write(to: site.root.appendingPathComponent("content/posts/stray.md"))
        let errors = site.buildErrors()
        #expect(errors.compactMap { $0.location?.path }.sorted() == ["content/posts/big5.md", "content/posts/stray.md"])
        // Each at the line of its first bad byte.
        #expect(errors.allSatisfy { $0.message.hasPrefix("the file is not UTF-8 text") })
        #expect(errors.map { $0.location?.line }.sorted { ($0 ?? 0) < ($1 ?? 0) } == [2, 6])
        #expect(TestSite.snapshot(site.output) == before)
    }
}
