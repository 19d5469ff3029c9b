import Testing
@testable import PortfolioSearch

/// An edit of one document rewrites only the index files it must: the manifest (its
/// averages), the document's result file, its norms chunk, and the shards of the terms
/// whose postings in that document changed.
@Suite("Edit churn")
struct EditChurnTests {
    static let sentence = "消費者行為研究顯示，衝動購買與通路陳列有關。"
    /// Longer, and of characters the corpus has already (a new one would change `fold.json`).
    static let longer = "研究顯示，品牌定位與定價策略有關，消費者行為與通路陳列與市場區隔有關，品牌定位與市場區隔有關。"

    static func corpus(editing edited: Int? = nil) -> [SearchDocument] {
        let words = ["市場區隔", "目標市場", "營銷", "C2M", "segmentation", "通路", "电子商务", "品牌定位", "定價策略"]
        return (0..<300).map { i in
            let before = (0..<30).map { words[($0 * 5 + i) % words.count] }.joined(separator: "，")
            let after = (0..<30).map { words[($0 * 3 + i) % words.count] }.joined(separator: "、")
            let middle = i == edited ? longer : sentence
            return Fixtures.doc("doc-\(i)", title: "第\(i)篇 \(words[i % words.count])", body: before + "。" + middle + after + "。",
                                tags: [words[i % 4]], summary: words[(i + 2) % words.count], timestamp: 1_600_000_000 + i)
        }
    }

    /// Each term of one document, with its counts per field and its kept positions, and its body length.
    static func postings(of doc: SearchDocument) -> (terms: [String: [UInt32]], body: UInt32) {
        var tokenizer = DocumentTokenizer()
        var block = TermBlock()
        tokenizer.add(doc, to: &block)
        var out: [String: [UInt32]] = [:]
        for g in block.keys.indices {
            let key = block.keys[g]
            let term = key >> 60 == 3 ? block.strings[Int(key & 0xFFFF_FFFF)] : TermKey.string(key)
            let positions = block.positions[Int(block.positionStarts[g])..<Int(block.positionStarts[g + 1])].map(UInt32.init)
            out[term] = [block.counts[g]] + positions
        }
        return (out, block.lengths[0].3)
    }

    @Test func anEditRewritesOnlyTheFilesOfWhatChanged() throws {
        let edited = 137
        let a = SearchIndexBuilder.build(EditChurnTests.corpus(), options: SearchOptions())
        let b = SearchIndexBuilder.build(EditChurnTests.corpus(editing: edited), options: SearchOptions())
        let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }

        // Documents are numbered newest first.
        let number = 299 - edited
        let before = EditChurnTests.postings(of: EditChurnTests.corpus()[edited])
        let after = EditChurnTests.postings(of: EditChurnTests.corpus(editing: edited)[edited])
        let changedTerms = Set(before.terms.keys).union(after.terms.keys).filter { before.terms[$0] != after.terms[$0] }
        let shardCount = try SearchQuery(files: a).shardCount
        var expected: Set<String> = ["manifest.json", "docs/\(number).json"]
        if NormsFile.encode(before.body) != NormsFile.encode(after.body) { expected.insert("norms/\(number / NormsFile.chunk).bin") }
        for term in changedTerms { expected.insert(TermHash.fileName(TermHash.shard(of: term, shardCount: shardCount))) }

        // A changed posting outside its term's block of best postings may leave the term's
        // bytes as they were (the block holds no counts for it); an added or removed
        // posting always changes them (the document frequency and set).
        var mustChange: Set<String> = ["manifest.json", "docs/\(number).json"]
        for term in Set(before.terms.keys).symmetricDifference(after.terms.keys) {
            mustChange.insert(TermHash.fileName(TermHash.shard(of: term, shardCount: shardCount)))
        }
        #expect(differing.isSubset(of: expected), "\(differing.subtracting(expected).sorted()) changed")
        #expect(mustChange.isSubset(of: differing), "\(mustChange.subtracting(differing).sorted()) did not change")
        #expect(expected.contains("norms/0.bin"), "the edit should change the document's length byte")
        #expect(try SearchQuery(files: b).shardCount == shardCount)
        let shards = a.keys.filter { $0.hasPrefix("shards/") }.count
        #expect(expected.count - 3 < shards / 2, "an edit should leave most shards as they were")
    }

    /// The norms byte: lengths below 24 as they are, then steps of at most an eighth.
    @Test func normsKeepLengthsToAnEighth() {
        for length in [0, 1, 23, 24, 31, 32, 100, 1000, 12345, 1 << 20] {
            let decoded = NormsFile.decode(NormsFile.encode(UInt32(length)))
            #expect(decoded <= length && Double(length - decoded) <= Double(length) / 8, "\(length) → \(decoded)")
            if length < NormsFile.exact { #expect(decoded == length) }
        }
        var previous = -1
        for byte in 0...255 {
            let length = NormsFile.decode(UInt8(byte))
            #expect(length > previous && NormsFile.encode(UInt32(length)) == UInt8(byte))
            previous = length
        }
    }

    @Test func theShardCountDependsOnTheDocumentCountOnly() {
        let small = SearchIndexBuilder.build(Array(EditChurnTests.corpus().prefix(40)), options: SearchOptions())
        var long = Array(EditChurnTests.corpus().prefix(40))
        for i in long.indices { long[i].body += String(repeating: long[i].body, count: 8) }
        let large = SearchIndexBuilder.build(long, options: SearchOptions())
        let count = { (files: [String: [UInt8]]) in try? SearchQuery(files: files).shardCount }
        #expect(count(small) == count(large))
        #expect(count(small) == ShardWriter.shardCount(documentCount: 40))
    }
}
