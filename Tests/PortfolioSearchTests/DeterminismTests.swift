import Testing
@testable import PortfolioSearch

@Suite("Determinism")
struct DeterminismTests {
    static func corpus() -> [SearchDocument] {
        let words = ["市場區隔", "目標市場", "營銷", "C2M", "S2b2c", "通路", "电子商务", "衝動購買", "segmentation"]
        return (0..<400).map { i in
            let body = (0..<40).map { words[($0 * 7 + i) % words.count] }.joined(separator: i % 3 == 0 ? "，" : "")
            return Fixtures.doc("doc-\(i)", title: "第\(i)篇 \(words[i % words.count])", body: body,
                                tags: [words[i % 4], words[(i + 1) % 5]], categories: [i % 2 == 0 ? "行銷策略" : "電子商務"],
                                summary: words[(i + 2) % words.count], timestamp: 1_500_000_000 + (i * 7919) % 1000, views: i % 13)
        }
    }

    @Test func sameInputSameBytes() {
        let docs = DeterminismTests.corpus()
        let a = SearchIndexBuilder.build(docs, options: SearchOptions(synonyms: Fixtures.defaultSynonyms))
        let b = SearchIndexBuilder.build(docs, options: SearchOptions(synonyms: Fixtures.defaultSynonyms))
        #expect(a == b)
    }

    @Test func inputOrderDoesNotMatter() {
        let docs = DeterminismTests.corpus()
        let a = SearchIndexBuilder.build(docs, options: SearchOptions())
        let b = SearchIndexBuilder.build(docs.reversed(), options: SearchOptions())
        #expect(a == b)
    }

    @Test func expectedFilesArePresent() {
        let files = SearchIndexBuilder.build(DeterminismTests.corpus(), options: SearchOptions())
        for name in ["manifest.json", "fold.json", "views.bin", "docs/0.json", "docs/199.json", "facets/t0.bin", "facets/c1.bin"] {
            #expect(files[name] != nil, "missing \(name)")
        }
        #expect(files.keys.contains { $0.hasPrefix("shards/") })
        #expect(files.keys.allSatisfy { !$0.hasPrefix("/") && !$0.contains("..") })
    }

    @Test func emptyInputBuildsAnEmptyIndex() throws {
        let files = SearchIndexBuilder.build([], options: SearchOptions())
        let q = try SearchQuery(files: files)
        #expect(q.search("行銷").total == 0)
    }
}
