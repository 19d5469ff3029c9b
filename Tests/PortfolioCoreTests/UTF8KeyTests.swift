import Testing
@testable import PortfolioCore

@Suite("Keys by bytes")
struct UTF8KeyTests {
    @Test func equalBytesAreOneKey() {
        var set: Set<UTF8Key> = [UTF8Key("市場區隔"), UTF8Key("tags/行銷"), UTF8Key("")]
        #expect(set.contains(UTF8Key("市場" + "區隔")))
        #expect(set.contains(UTF8Key(String("xtags/行銷".dropFirst()))))
        #expect(!set.insert(UTF8Key("")).inserted)
        #expect(UTF8Key("a") != UTF8Key("ab"))
        #expect(UTF8Key("行銷") != UTF8Key("营销"))
    }

    @Test func spellingsThatDifferInNormalisationStayTwoKeys() {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        #expect(UTF8Key(composed) != UTF8Key(decomposed))
        #expect(Set([UTF8Key(composed), UTF8Key(decomposed)]).count == 2)
    }
}
