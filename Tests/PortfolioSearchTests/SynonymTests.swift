import Testing
@testable import PortfolioSearch

@Suite("Synonyms")
struct SynonymTests {
    let docs = [
        Fixtures.doc("weibo", title: "微博营销与社会化消费者", body: "品牌在微博上做营销。"),
        Fixtures.doc("channel", title: "全通路整合", body: "門市與電商的通路管理。"),
        Fixtures.doc("stp", title: "STP 理論", body: "策略行銷的核心。"),
    ]

    @Test func regionalTermsFindEachOther() throws {
        let q = try Fixtures.query(docs)
        #expect(Set(q.search("行銷").hits.map(\.id)) == ["weibo", "stp"])
        #expect(Set(q.search("营销").hits.map(\.id)) == ["weibo", "stp"])
        #expect(Set(q.search("營銷").hits.map(\.id)) == ["weibo", "stp"])
        #expect(q.search("微博行銷").hits.map(\.id) == ["weibo"])
        #expect(q.search("全渠道整合").hits.map(\.id) == ["channel"])
    }

    @Test func withoutSynonymsOnlyTheWordItselfMatches() throws {
        let q = try Fixtures.query(docs, synonyms: [])
        #expect(q.search("行銷").hits.map(\.id) == ["stp"])
    }

    @Test func fragmentsAcrossASynonymStillMatchTheText() throws {
        let q = try Fixtures.query(docs)
        #expect(q.search("路整").hits.map(\.id) == ["channel"])
    }

    @Test func groupsAreNormalisedAndDeduplicated() {
        let groups = SynonymGroups(normalizing: [["行銷", "营销", "營銷"], ["通路", "渠道"], ["單一"], ["SEO", "seo"]])
        #expect(groups.groups == [["营销", "行销"], ["渠道", "通路"]])
    }

    @Test func variantsReplaceEveryMember() {
        let groups = SynonymGroups(normalizing: Fixtures.defaultSynonyms)
        let v = groups.variants(of: Array("行销通路".unicodeScalars.map(\.value)))
        let strings = v.map { String(String.UnicodeScalarView($0.compactMap(Unicode.Scalar.init))) }
        #expect(strings == ["行销通路", "行销渠道", "营销通路", "营销渠道"])
    }

    @Test func latinMembersMatchWholeWordsOnly() {
        let groups = SynonymGroups(normalizing: [["seo", "搜寻引擎优化"]])
        #expect(groups.variants(of: Array("seoul".unicodeScalars.map(\.value))).count == 1)
        #expect(groups.variants(of: Array("seo".unicodeScalars.map(\.value))).count == 2)
    }
}
