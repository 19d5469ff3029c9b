import Testing
@testable import PortfolioSearch

@Suite("Folding")
struct FoldingTests {
    @Test func traditionalFoldsToSimplified() {
        #expect(Fixtures.normalize("營銷") == "营销")
        #expect(Fixtures.normalize("電子商務") == "电子商务")
        #expect(Fixtures.normalize("市場區隔") == "市场区隔")
    }

    @Test func simplifiedAndLatinStayAsTheyAre() {
        #expect(Fixtures.normalize("营销") == "营销")
        #expect(Fixtures.normalize("STP c2m") == "stp c2m")
    }

    @Test func compatibilityFormsFoldWithNFKC() {
        #expect(Fixtures.normalize("ＳＴＰ①") == "stp1")
        #expect(Fixtures.normalize("ﬁ") == "fi")
        // A CJK compatibility ideograph goes through NFKC, then the fold.
        #expect(Fixtures.normalize("\u{F9B1}") == Fixtures.normalize("\u{9234}"))
    }

    @Test func theFoldIsIdempotent() {
        for (from, to) in HanFold.changes {
            #expect(HanFold.table[Int(to)] == to, "fold of U+\(String(from, radix: 16)) is not stable")
        }
    }

    @Test func eitherScriptFindsTheOther() throws {
        let q = try Fixtures.query([
            Fixtures.doc("trad", title: "電子商務的未來", body: "網路購物與物流"),
            Fixtures.doc("simp", title: "微博营销与社会化消费者", body: "社会化媒体"),
        ])
        #expect(q.search("电子商务").hits.map(\.id) == ["trad"])
        #expect(q.search("微博營銷").hits.map(\.id) == ["simp"])
        #expect(q.search("社會化").hits.map(\.id) == ["simp"])
    }

    @Test func foldTableCoversIndexedCharacters() throws {
        let files = SearchIndexBuilder.build([Fixtures.doc("a", title: "营销")], options: SearchOptions())
        let bytes = try #require(files["fold.json"])
        let table = try #require(JSONReader.parse(bytes)?.stringValue)
        #expect(table.contains("營营"))
        #expect(table.contains("銷销"))
        // Only characters the index can match: 電 folds to 电, which is not indexed.
        #expect(!table.contains("電"))
    }

    @Test func fragmentsInsideWordsMatch() throws {
        let q = try Fixtures.query([
            Fixtures.doc("stp", title: "STP 理論", body: "市場區隔、目標市場與市場定位是策略行銷的核心。"),
            Fixtures.doc("other", title: "衝動購買", body: "購物時的衝動。"),
        ])
        // 場區 straddles the words 市場 and 區隔; a dictionary segmenter would miss it.
        #expect(q.search("場區").hits.map(\.id) == ["stp"])
        #expect(q.search("标市").hits.map(\.id) == ["stp"])
        #expect(q.search("衝").hits.map(\.id) == ["other"])
    }
}
