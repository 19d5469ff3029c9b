import Testing
@testable import PortfolioSearch

@Suite("Ranking")
struct RankingTests {
    @Test func titleMatchRanksAboveBodyMatch() throws {
        let q = try Fixtures.query([
            Fixtures.doc("body", title: "行銷筆記", body: "這篇談到利基市場的一些想法，還有其他主題的長篇討論與案例。", timestamp: 2),
            Fixtures.doc("title", title: "利基市場行銷", body: "小公司聚焦一個狹窄的區隔。", timestamp: 1),
        ])
        #expect(q.search("利基").hits.map(\.id) == ["title", "body"])
    }

    @Test func contiguousPhraseRanksAboveScatteredPairs() throws {
        let q = try Fixtures.query([
            // Every pair of 市場區隔 appears, but never side by side; and it says them often.
            Fixtures.doc("scattered", title: "筆記", body: "市場很大。賣場區域。區隔顧客。市場。賣場區。區隔。市場。", timestamp: 2),
            Fixtures.doc("phrase", title: "筆記", body: "企業先做市場區隔，再選目標。", timestamp: 1),
        ])
        let hits = q.search("市場區隔").hits
        #expect(hits.map(\.id) == ["phrase", "scattered"])
        #expect(hits.first?.phrases == 1)
        #expect(hits.last?.phrases == 0)
    }

    @Test("documents with every word come first, then those with some, marked partial")
    func allWordsFirstThenPartial() throws {
        let q = try Fixtures.query([
            Fixtures.doc("a", title: "STP 理論", body: "市場區隔", timestamp: 1),
            Fixtures.doc("b", title: "C2M 模式", body: "市場區隔", timestamp: 2),
            Fixtures.doc("c", title: "電商平台", body: "電商的社區團購。", timestamp: 3),
            Fixtures.doc("d", title: "社區經營", body: "社區的鄰里關係。", timestamp: 4),
            Fixtures.doc("e", title: "電商", body: "直播帶貨。", timestamp: 5),
        ])
        let both = q.search("stp 市場區隔")
        #expect(both.hits.map(\.id) == ["a", "b"])
        #expect(both.hits.map(\.partial) == [false, true])
        #expect(both.full == 1 && both.total == 2)
        #expect(q.search("c2m").hits.map(\.id) == ["b"])
        #expect(q.search("C2M").total == 1)
        let shop = q.search("电商 社区")
        #expect(shop.hits.first?.id == "c")
        #expect(shop.full == 1 && shop.total == 3)
        #expect(Set(shop.hits.dropFirst().map(\.id)) == ["d", "e"])
        #expect(shop.hits.dropFirst().allSatisfy { $0.partial })
        // Sorted by date, every word still comes first.
        #expect(q.search("电商 社区", sort: .date).hits.map(\.id) == ["c", "e", "d"])
    }

    /// The order the issue asks for: the typed form above a synonym, then title above
    /// tags above summary above body, whatever the scores say.
    @Test("typed form above synonym; title > tags > summary > body")
    func fieldAndTypedFormOrder() throws {
        let filler = String(repeating: "其他主題的長篇討論與案例。", count: 8)
        let docs = [
            Fixtures.doc("body-many", title: "筆記一", body: "營銷營銷營銷，營銷的方法。", timestamp: 9),
            Fixtures.doc("synonym-title", title: "行銷的方法", body: filler, timestamp: 8),
            Fixtures.doc("summary", title: "筆記二", body: filler, summary: "談營銷。", timestamp: 7),
            Fixtures.doc("title", title: "社群營銷:建立品牌社群", body: filler, timestamp: 6),
            Fixtures.doc("tags", title: "筆記三", body: filler, tags: ["營銷"], timestamp: 5),
            Fixtures.doc("synonym-body", title: "筆記四", body: "行銷" + filler, timestamp: 4),
            Fixtures.doc("none", title: "筆記五", body: filler, timestamp: 3),
        ]
        let q = try Fixtures.query(docs)
        let typed = ["title", "tags", "summary", "body-many", "synonym-title", "synonym-body"]
        #expect(q.search("營銷").hits.map(\.id) == typed)
        #expect(q.search("营销").hits.map(\.id) == typed)
        #expect(q.search("行銷").hits.map(\.id) == ["synonym-title", "synonym-body", "title", "tags", "summary", "body-many"])
        // A title with the synonym does not lift a document whose typed match is in the body.
        let mixed = try Fixtures.query([
            Fixtures.doc("typed-title", title: "利基市場行銷", body: filler, timestamp: 1),
            Fixtures.doc("synonym-title-typed-body", title: "社群營銷", body: "談行銷。" + filler, timestamp: 2),
        ])
        #expect(mixed.search("行銷").hits.map(\.id) == ["typed-title", "synonym-title-typed-body"])
        #expect(q.search("行销").hits.map(\.id) == q.search("行銷").hits.map(\.id))
    }

    @Test func sortsByDateAndViews() throws {
        let q = try Fixtures.query([
            Fixtures.doc("old", title: "行銷 一", timestamp: 100, views: 50),
            Fixtures.doc("new", title: "行銷 二", timestamp: 300, views: 10),
            Fixtures.doc("mid", title: "行銷 三", timestamp: 200, views: 900),
        ])
        #expect(q.search("行銷", sort: .date).hits.map(\.id) == ["new", "mid", "old"])
        #expect(q.search("行銷", sort: .views).hits.map(\.id) == ["mid", "old", "new"])
    }

    @Test func filtersByTagAndCategory() throws {
        let q = try Fixtures.query([
            Fixtures.doc("a", title: "行銷 一", tags: ["市場區隔", "STP"], categories: ["行銷策略"], timestamp: 3),
            Fixtures.doc("b", title: "行銷 二", tags: ["市场区隔"], categories: ["電子商務"], timestamp: 2),
            Fixtures.doc("c", title: "行銷 三", tags: ["C2M"], categories: ["電子商務"], timestamp: 1),
        ])
        // Spellings that fold alike are one facet.
        #expect(q.search("行銷", tag: "市場區隔").hits.map(\.id) == ["a", "b"])
        #expect(q.search("行銷", tag: "市场区隔").hits.map(\.id) == ["a", "b"])
        #expect(q.search("行銷", category: "電子商務").hits.map(\.id) == ["b", "c"])
        #expect(q.search("行銷", tag: "市場區隔", category: "電子商務").hits.map(\.id) == ["b"])
        #expect(q.search("", tag: "C2M").hits.map(\.id) == ["c"])
        #expect(q.search("行銷", tag: "沒有這個").hits.isEmpty)
    }

    @Test func snippetsMarkTheMatch() throws {
        let body = String(repeating: "前言的文字。", count: 30) + "企業先做市場區隔，再選目標市場。" + String(repeating: "結語。", count: 30)
        let q = try Fixtures.query([Fixtures.doc("a", title: "STP 與市場", body: body)])
        let hit = try #require(q.search("市場區隔").hits.first)
        #expect(hit.markedSnippet.contains("[市場區隔]"))
        #expect(hit.markedSnippet.hasPrefix("…"))
        #expect(hit.markedTitle == "STP 與[市場]")
    }

    @Test func aQueryReadsOnlyWhatItNeeds() throws {
        var docs: [SearchDocument] = []
        for i in 0..<300 {
            docs.append(Fixtures.doc("d\(i)", title: "第\(i)篇：行銷與通路\(i % 7)", body: String(repeating: "市場區隔與目標市場，消費者行為。", count: 20), timestamp: i))
        }
        let q = try Fixtures.query(docs)
        let results = q.search("市場區隔")
        #expect(results.total == 300)
        let shards = results.filesRead.filter { $0.hasPrefix("shards/") }
        #expect(shards.count <= 3)
        // Ten results, two documents a file.
        let docFiles = results.filesRead.filter { $0.hasPrefix("docs/") }
        #expect(docFiles.count >= 5 && docFiles.count <= 10)
        #expect(results.hits.count == 10)
    }
}
