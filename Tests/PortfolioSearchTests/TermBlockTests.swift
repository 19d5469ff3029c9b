import Testing
@testable import PortfolioSearch

@Suite("Term blocks")
struct TermBlockTests {
    /// 300 documents: more than one tokenizer block (each core takes many), each with a
    /// word and three Han characters of its own far into its body, among shared text.
    static func documents() -> [SearchDocument] {
        (0..<300).map { i in
            let filler = String(repeating: "市場區隔與目標市場，", count: 20 + i % 7)
            return Fixtures.doc("d\(i)", title: "第\(i)篇", body: filler + own(i) + " token\(i)x " + filler,
                                timestamp: 1_600_000_000 + i)
        }
    }

    /// Three characters no other document has (from U+4E00 on, three per document).
    static func own(_ i: Int) -> String {
        String(String.UnicodeScalarView((0..<3).map { Unicode.Scalar(UInt32(0x4E00 + 3 * i + $0))! }))
    }

    @Test func everyDocumentIsFoundByItsOwnTermsInEveryBlock() throws {
        let q = try Fixtures.query(Self.documents())
        for i in stride(from: 0, to: 300, by: 7) {
            #expect(q.search("token\(i)x").hits.map(\.id) == ["d\(i)"])
        }
    }

    /// A phrase is seen from the positions of its pairs, which are read from the block
    /// of the document they belong to.
    @Test func phrasesUsePositionsFromTheRightBlock() throws {
        let q = try Fixtures.query(Self.documents())
        for i in [0, 1, 77, 150, 299] {
            let hits = q.search(Self.own(i)).hits
            #expect(hits.map(\.id) == ["d\(i)"], "document \(i)")
            #expect(hits.first?.phrases == 1, "document \(i)")
        }
    }

    @Test func aBlockHoldsItsDocumentsEndToEnd() {
        var tokenizer = DocumentTokenizer()
        var block = TermBlock()
        let docs = Self.documents().prefix(3)
        var alone: [TermBlock] = []
        for doc in docs {
            tokenizer.add(doc, to: &block)
            alone.append(tokenizer.terms(of: doc))
        }
        #expect(block.documentCount == 3)
        #expect(block.keys.count == alone.map(\.keys.count).reduce(0, +))
        #expect(block.positionStarts.count == block.keys.count + 1)
        #expect(block.partitionStarts.count == 3 * TermBlock.stride)
        // The second document's terms start where the first one's end, in the same order.
        let first = alone[0].keys.count
        #expect(block.partitionStarts[TermBlock.stride] == UInt32(first))
        #expect(Array(block.counts[first..<(first + alone[1].counts.count)]) == alone[1].counts)
    }
}
