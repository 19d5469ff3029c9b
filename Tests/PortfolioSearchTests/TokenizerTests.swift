import Testing
@testable import PortfolioSearch

@Suite("Tokenisation")
struct TokenizerTests {
    @Test func chineseRunsBecomeOverlappingPairs() {
        #expect(Fixtures.indexTokens("市場區隔") == ["市场", "场区", "区隔"])
    }

    @Test func mixedChineseAndLatin() {
        #expect(Fixtures.indexTokens("C2M模式與S2b2c") == ["c2m", "模式", "式与", "s2b2c"])
    }

    @Test func punctuationSeparatesRuns() {
        #expect(Fixtures.indexTokens("行銷，通路。STP/4P!") == ["行销", "通路", "stp", "4p"])
        #expect(Fixtures.indexTokens("「利基」—市場") == ["利基", "市场"])
    }

    @Test func fullWidthLettersAndDigitsAreWords() {
        #expect(Fixtures.indexTokens("ＳＴＰ理論") == ["stp", "理论"])
        #expect(Fixtures.indexTokens("２０１８年") == ["2018", "年"])
    }

    @Test func positionsCountCharactersAndWords() {
        var normalizer = Normalizer()
        var scalars: [UInt32] = []
        var classes: [CharClass] = []
        normalizer.append("C2M 模式與, S2b2c", to: &scalars, classes: &classes)
        var sink = Fixtures.Collect()
        let end = Tokenizer.tokenize(scalars, classes, from: 0, allUnigrams: false, into: &sink)
        #expect(sink.tokens.map(\.1) == [0, 1, 2, 4])
        #expect(end == 5)
    }

    @Test func indexSideKeepsEveryCharacter() {
        var normalizer = Normalizer()
        var scalars: [UInt32] = []
        var classes: [CharClass] = []
        normalizer.append("營銷", to: &scalars, classes: &classes)
        var sink = Fixtures.Collect()
        Tokenizer.tokenize(scalars, classes, from: 0, allUnigrams: true, into: &sink)
        #expect(sink.tokens.map(\.0) == ["营销", "营", "销"])
    }

    @Test func queriesUseSingleCharactersOnlyForOneCharacterRuns() throws {
        #expect(try Fixtures.queryTokens("銷") == [["销"]])
        #expect(try Fixtures.queryTokens("行銷") == [["行销"]])
        #expect(try Fixtures.queryTokens("4P與") == [["4p|4p*", "与"]])
    }

    @Test func queryWordsAlsoMatchAsPrefixes() throws {
        #expect(try Fixtures.queryTokens("seg c") == [["seg|seg*"], ["c"]])
    }

    @Test func wordsIndexTheirPrefixes() throws {
        let q = try Fixtures.query([Fixtures.doc("a", title: "Market segmentation"), Fixtures.doc("b", title: "Segment")])
        #expect(Set(q.search("segm").hits.map(\.id)) == ["a", "b"])
        #expect(q.search("segmentation").hits.map(\.id) == ["a"])
        #expect(q.search("c2").hits.isEmpty)
    }
}

@Suite("Index tokeniser")
struct IndexTokenizerTests {
    /// Terms with their positions, the way the reference `Normalizer` + `Tokenizer` see them.
    struct Reference: TokenSink {
        var terms: [String: [Int]] = [:]
        mutating func pair(_ a: UInt32, _ b: UInt32, at position: Int) { terms[TermKey.string(TermKey.pair(a, b)), default: []].append(position) }
        mutating func unigram(_ a: UInt32, at position: Int) { terms[TermKey.string(TermKey.unigram(a)), default: []] += [] }
        mutating func word(_ scalars: ArraySlice<UInt32>, at position: Int) {
            terms[TermKey.string(scalars), default: []].append(position)
            if scalars.count >= TermKey.prefixMinWord {
                let longest = min(scalars.count - 1, TermKey.prefixMaxLength)
                if longest >= 2 {
                    for n in 2...longest { terms[TermKey.string(scalars.prefix(n)) + TermKey.prefixMarker, default: []].append(position) }
                }
            }
        }
    }

    static func reference(_ text: String) -> [String: [Int]] {
        var normalizer = Normalizer()
        var scalars: [UInt32] = []
        var classes: [CharClass] = []
        normalizer.append(text, to: &scalars, classes: &classes)
        var sink = Reference()
        Tokenizer.tokenize(scalars, classes, from: 0, allUnigrams: true, into: &sink)
        return sink.terms.mapValues { Array($0.prefix(DocumentTokenizer.positionCap)) }
    }

    static func indexed(_ text: String) -> [String: [Int]] {
        var tokenizer = DocumentTokenizer()
        let terms = tokenizer.terms(of: Fixtures.doc("x", title: text))
        var out: [String: [Int]] = [:]
        for (i, key) in terms.keys.enumerated() {
            let term = key >> 60 == 3 ? terms.strings[Int(key & 0xFFFF_FFFF)] : TermKey.string(key)
            out[term] = terms.positions[Int(terms.positionStarts[i])..<Int(terms.positionStarts[i + 1])].map { Int($0) }
        }
        return out
    }

    @Test(arguments: [
        "C2M模式與S2b2c", "ＳＴＰ理論，市場區隔。", "cafe\u{301} résumé", "Ⅳ ﬁ ① 〇々", "한국어 テスト ひらがな",
        "emoji 👩🏽‍💻 text", "Segmentation, targeting & positioning", "\u{F9B1}\u{3000}鈴", "𠀀𠀁 supplementary", "",
        "market market segment segments segmentation market C2M c2m", IndexTokenizerTests.manyWords,
    ])
    func matchesTheReferenceTokenizer(text: String) {
        #expect(IndexTokenizerTests.indexed(text) == IndexTokenizerTests.reference(text))
    }

    /// 1,500 distinct words and their prefixes, each word twice: far more than the word
    /// table starts with room for.
    static let manyWords = (0..<3000).map { "w\($0 % 1500)x\($0 % 7)" }.joined(separator: " ")

    @Test func aTokenizerUsedAgainGivesEachDocumentItsOwnTerms() {
        var tokenizer = DocumentTokenizer()
        var blocks: [TermBlock] = []
        for text in [Self.manyWords, "market segment market 市場", Self.manyWords] {
            blocks.append(tokenizer.terms(of: Fixtures.doc("x", title: text)))
        }
        var fresh = DocumentTokenizer()
        #expect(blocks[1].strings == fresh.terms(of: Fixtures.doc("x", title: "market segment market 市場")).strings)
        #expect(blocks[2].keys == blocks[0].keys && blocks[2].strings == blocks[0].strings)
        for block in blocks { #expect(Set(block.strings).count == block.strings.count) }
    }

    @Test func countsFieldsSeparately() {
        var tokenizer = DocumentTokenizer()
        let terms = tokenizer.terms(of: Fixtures.doc("x", title: "行銷", body: "行銷與行銷", tags: ["行銷"], summary: "行銷"))
        let i = terms.keys.firstIndex(of: TermKey.pair(0x884C, 0x9500))!
        #expect(terms.counts[i] == 1 | 1 << 8 | 1 << 16 | 2 << 24)
        #expect(terms.lengths[0] == (2, 2, 2, 5))
    }
}
