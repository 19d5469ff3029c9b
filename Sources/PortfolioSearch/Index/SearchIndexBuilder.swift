import Foundation

/// Builds the static search index: pure, text in, file bytes out.
///
/// Files, relative to the site's `search/` folder:
///
/// | file | contents |
/// | --- | --- |
/// | `manifest.json` | document count, shard count, ranking constants, average body length, synonym groups, tag and category facets |
/// | `fold.json` | Traditional → Simplified character table for the characters the index can match |
/// | `shards/<hex>.bin` | terms hashed (FNV-1a) into shards: per term its document set and top postings with their counts per field |
/// | `norms/<c>.bin` | one byte a document: its body length (`NormsFile`), 4,096 documents a file |
/// | `docs/<c>.json` | document `c`: title, URL, date, tags, categories, views, summary and the whole text, for a result and its snippet |
/// | `facets/t<i>.bin`, `facets/c<i>.bin` | the documents of tag / category `i` |
/// | `views.bin` | view counts in document order, for sorting by popularity |
/// | `suggest.json` | tags, categories and title words, for suggestions when a query finds nothing |
///
/// Documents are numbered newest first, so a match list in number order is sorted by date.
public enum SearchIndexBuilder {
    /// Files of the index, keyed by path relative to the site's `search/` folder
    /// (e.g. `manifest.json`, `shards/3f.bin`); the same input gives the same bytes.
    public static func build(_ documents: [SearchDocument], options: SearchOptions) -> [String: [UInt8]] {
        let docs = documents.sorted { a, b in
            if a.timestamp != b.timestamp { return a.timestamp > b.timestamp }
            if a.id != b.id { return a.id.utf8.lexicographicallyPrecedes(b.id.utf8) }
            return a.url.utf8.lexicographicallyPrecedes(b.url.utf8)
        }
        let count = docs.count
        var files: [String: [UInt8]] = [:]
        _ = HanFold.table

        // 1. Tokenise every document and write its result file, on all cores.
        let flat = FlatTerms(tokenize(docs), files: &files)

        // 2. Postings, one partition of the terms per task, in document order.
        let partitions: [Partition] = ChunkedWork.map(count: TermBlock.partitions, chunks: TermBlock.partitions) { range in
            range.map { Partition(p: $0, flat: flat) }
        }

        // 3. Encode every term, on all cores.
        let encoded = encode(partitions, flat: flat)

        // 4. Hash terms into shards of a few kilobytes each; body lengths beside them.
        let shardCount = ShardWriter.shardCount(documentCount: count)
        for (path, bytes) in ShardWriter.shards(encoded, shardCount: shardCount) { files[path] = bytes }
        for (path, bytes) in NormsFile.files(bodyLengths: flat.bodyLengths) { files[path] = bytes }

        // 5. Facets, views, fold table, manifest.
        let tagFacets = Facets.group(docs.map(\.tags))
        let categoryFacets = Facets.group(docs.map(\.categories))
        for (i, facet) in tagFacets.enumerated() { files["facets/t\(i).bin"] = facet.bytes(documentCount: count) }
        for (i, facet) in categoryFacets.enumerated() { files["facets/c\(i).bin"] = facet.bytes(documentCount: count) }

        files["views.bin"] = viewsFile(docs)
        files["suggest.json"] = SuggestFile.bytes(docs, tags: tagFacets, categories: categoryFacets)
        let synonyms = SynonymGroups(normalizing: options.synonyms)
        files["fold.json"] = FoldFile.bytes(indexed: indexedCharacters(partitions), synonyms: synonyms.groups)

        files["manifest.json"] = manifest(documentCount: count, shardCount: shardCount, averageBody: flat.averageBodyLength,
                                          synonyms: synonyms,
                                          tags: tagFacets, categories: categoryFacets).bytes
        return files
    }

    /// Starts making the Traditional → Simplified table on another thread and returns at
    /// once. It takes tens of milliseconds on one core, once per process: a build asks for
    /// it before a step that leaves the other cores idle, so `build` finds it made.
    public static func prepare() {
        DispatchQueue.global(qos: .userInitiated).async { _ = HanFold.changes }
    }

    /// Each document's terms and result file, in document order. In small chunks: this
    /// is the longest stretch of the step, and with a few large chunks one core finished
    /// early and idled while the other did the last chunk (about 100 ms on the corpus).
    private static func tokenize(_ docs: [SearchDocument]) -> [TermBlock] {
        let chunks = min(docs.count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 16)
        return ChunkedWork.map(count: docs.count, chunks: docs.count < 64 ? nil : chunks) { range in
            var tokenizer = DocumentTokenizer()
            var block = TermBlock()
            block.firstDocument = range.lowerBound
            var bytes = 0
            for d in range { bytes += docs[d].title.utf8.count + docs[d].summary.utf8.count + docs[d].body.utf8.count }
            block.reserve(textBytes: bytes, documents: range.count)
            for d in range {
                tokenizer.add(docs[d], to: &block)
                block.files.append(DocumentFile.bytes(docs[d]))
            }
            return [block]
        }
    }

    /// Every term of every partition with its encoded postings, partition by partition.
    private static func encode(_ partitions: [Partition], flat: FlatTerms) -> [(term: String, bytes: [UInt8])] {
        var refs: [(partition: Int, term: Int)] = []
        for (p, part) in partitions.enumerated() { for t in 0..<part.keys.count { refs.append((p, t)) } }
        return ChunkedWork.map(count: refs.count) { range in
            range.map { i in
                let (p, t) = refs[i]
                let part = partitions[p]
                let lo = Int(part.starts[t]), hi = Int(part.starts[t + 1])
                let bytes = TermEncoder.encode(docs: part.docs[lo..<hi], locals: part.locals[lo..<hi], scores: part.scores[lo..<hi],
                                               positionCounts: part.positionCounts[lo..<hi], flat: flat)
                return (part.term(t), bytes)
            }
        }
    }

    /// View counts in document order.
    private static func viewsFile(_ docs: [SearchDocument]) -> [UInt8] {
        var views = ByteWriter(capacity: docs.count * 2)
        for doc in docs { views.varint(doc.views) }
        return views.bytes
    }

    /// The characters that have a unigram term, which are all the fold table needs.
    private static func indexedCharacters(_ partitions: [Partition]) -> Set<UInt32> {
        var characters = Set<UInt32>()
        for part in partitions { for key in part.keys where TermKey.isUnigram(key) { characters.insert(UInt32(key & 0x1FFFFF)) } }
        return characters
    }

    private static func manifest(documentCount count: Int, shardCount: Int, averageBody: Double, synonyms: SynonymGroups,
                                 tags tagFacets: [Facet], categories categoryFacets: [Facet]) -> JSONValue {
        .object([
            "version": .int(3),
            "docs": .int(count),
            "shards": .int(shardCount),
            "docChunk": .int(DocumentFile.chunk),
            "normChunk": .int(NormsFile.chunk),
            "k1": .double(Ranking.k1),
            "weights": .array(Ranking.weights.map { .double($0) }),
            "b": .double(Ranking.bodyB),
            "avgBody": .double(averageBody),
            "prefixWeight": .double(Ranking.prefixWeight),
            "synonyms": .array(synonyms.groups.map { .array($0.map { .string($0) }) }),
            "tags": .array(tagFacets.map { .array([.string($0.name), .int($0.docs.count)]) }),
            "categories": .array(categoryFacets.map { .array([.string($0.name), .int($0.docs.count)]) }),
        ])
    }
}
