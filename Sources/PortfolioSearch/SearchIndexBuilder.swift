import Dispatch
import Foundation

/// Builds the static search index: pure, text in, file bytes out.
///
/// Files, relative to the site's `search/` folder:
///
/// | file | contents |
/// | --- | --- |
/// | `search.js` | the search page script |
/// | `manifest.json` | document count, shard count, ranking constants, synonym groups, tag and category facets |
/// | `fold.json` | Traditional → Simplified character table for the characters the index can match |
/// | `shards/<hex>.bin` | terms hashed (FNV-1a) into shards: per term its document set and top postings |
/// | `docs/<c>.json` | documents `c × 2` and `c × 2 + 1`: title, URL, date, tags, categories, views, summary and the start of the text, for a result and its snippet |
/// | `facets/t<i>.bin`, `facets/c<i>.bin` | the documents of tag / category `i` |
/// | `views.bin` | view counts in document order, for sorting by popularity |
///
/// Documents are numbered newest first, so a match list in number order is sorted by date.
public enum SearchIndexBuilder {
    /// Files of the index, keyed by path relative to the site's `search/` folder
    /// (e.g. `manifest.json`, `search.js`, `shards/3f.bin`); the same input gives the same bytes.
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
        let perDoc: [DocumentTerms] = ChunkedWork.map(count: count) { range in
            var tokenizer = DocumentTokenizer()
            return range.map { d in
                var terms = tokenizer.terms(of: docs[d])
                terms.file = DocumentFile.bytes(docs[d])
                return terms
            }
        }
        let flat = FlatTerms(perDoc, files: &files)

        // 2. Postings, one partition of the terms per task, in document order.
        let partitions: [Partition] = ChunkedWork.map(count: DocumentTerms.partitions, chunks: DocumentTerms.partitions) { range in
            range.map { Partition(p: $0, flat: flat) }
        }

        // 3. Encode every term, on all cores.
        var refs: [(partition: Int, term: Int)] = []
        for (p, part) in partitions.enumerated() { for t in 0..<part.keys.count { refs.append((p, t)) } }
        let encoded: [(term: String, bytes: [UInt8])] = ChunkedWork.map(count: refs.count) { range in
            range.map { i in
                let (p, t) = refs[i]
                let part = partitions[p]
                let lo = Int(part.starts[t]), hi = Int(part.starts[t + 1])
                let bytes = TermEncoder.encode(docs: part.docs[lo..<hi], locals: part.locals[lo..<hi], scores: part.scores[lo..<hi],
                                               positionCounts: part.positionCounts[lo..<hi], flat: flat)
                return (part.term(t), bytes)
            }
        }

        // 4. Hash terms into shards of a few kilobytes each.
        var total = 0
        for e in encoded { total += e.bytes.count + e.term.utf8.count + 4 }
        let shardCount = ShardWriter.shardCount(totalBytes: total)
        for (path, bytes) in ShardWriter.shards(encoded, shardCount: shardCount) { files[path] = bytes }

        // 5. Facets, views, fold table, manifest, script.
        let tagFacets = Facets.group(docs.map(\.tags))
        let categoryFacets = Facets.group(docs.map(\.categories))
        for (i, facet) in tagFacets.enumerated() { files["facets/t\(i).bin"] = facet.bytes(documentCount: count) }
        for (i, facet) in categoryFacets.enumerated() { files["facets/c\(i).bin"] = facet.bytes(documentCount: count) }

        var views = ByteWriter(capacity: count * 2)
        for doc in docs { views.varint(doc.views) }
        files["views.bin"] = views.bytes

        var characters = Set<UInt32>()
        for part in partitions { for key in part.keys where TermKey.isUnigram(key) { characters.insert(UInt32(key & 0x1FFFFF)) } }
        let synonyms = SynonymGroups(normalizing: options.synonyms)
        files["fold.json"] = FoldFile.bytes(indexed: characters, synonyms: synonyms.groups)

        let manifest: JSONValue = .object([
            "version": .int(1),
            "docs": .int(count),
            "shards": .int(shardCount),
            "docChunk": .int(DocumentFile.chunk),
            "k1": .double(Ranking.k1),
            "prefixWeight": .double(Ranking.prefixWeight),
            "synonyms": .array(synonyms.groups.map { .array($0.map { .string($0) }) }),
            "tags": .array(tagFacets.map { .array([.string($0.name), .int($0.docs.count)]) }),
            "categories": .array(categoryFacets.map { .array([.string($0.name), .int($0.docs.count)]) }),
        ])
        files["manifest.json"] = manifest.bytes
        files["search.js"] = Array(SearchScript.minified.utf8)
        return files
    }
}

/// The postings of the terms of one partition, as compressed sparse rows: term `t` has
/// the postings `starts[t]..<starts[t + 1]`, each a document and the posting's index in
/// `FlatTerms` (where its counts and positions are).
struct Partition: Sendable {
    var keys: [UInt64] = []
    var strings: [String] = []
    var starts: [UInt32] = []
    var docs: [UInt32] = []
    var locals: [UInt32] = []
    /// Quantised saturated term frequency of each posting.
    var scores: [UInt8] = []
    /// Positions kept for each posting.
    var positionCounts: [UInt8] = []

    init(p: Int, flat: FlatTerms) {
        var map = KeyMap(capacity: 1 << 12)
        var stringIndex: [String: Int] = [:]
        var df: [UInt32] = []
        let stride = DocumentTerms.partitions + 1
        let count = flat.documentCount
        var total = 0
        for d in 0..<count {
            total += Int(flat.partitionStarts[d * stride + p + 1] - flat.partitionStarts[d * stride + p])
        }
        // Pass 1: the term of every posting, and each term's document frequency.
        let postingTerms = [UInt32](unsafeUninitializedCapacity: total) { postingTerms, initialized in
            var k = 0
            flat.keys.withUnsafeBufferPointer { flatKeys in
                flat.partitionStarts.withUnsafeBufferPointer { partitionStarts in
                    for d in 0..<count {
                        let lo = Int(partitionStarts[d * stride + p]), hi = Int(partitionStarts[d * stride + p + 1])
                        for g in lo..<hi {
                            var key = flatKeys[g]
                            if key >> 60 == 3 {
                                let text = flat.strings[Int(key & 0xFFFF_FFFF)]
                                let i: Int
                                if let found = stringIndex[text] { i = found } else {
                                    i = strings.count
                                    strings.append(text)
                                    stringIndex[text] = i
                                }
                                key = DocumentTerms.stringTag | UInt64(i)
                            }
                            let term = map.index(of: key, next: keys.count)
                            if term == keys.count {
                                keys.append(key)
                                df.append(0)
                            }
                            df[term] &+= 1
                            postingTerms[k] = UInt32(truncatingIfNeeded: term)
                            k += 1
                        }
                    }
                }
            }
            initialized = k
        }
        starts = [UInt32](repeating: 0, count: keys.count + 1)
        for t in 0..<keys.count { starts[t + 1] = starts[t] + df[t] }
        var cursor = starts
        var docs = [UInt32](repeating: 0, count: total)
        var locals = [UInt32](repeating: 0, count: total)
        var scores = [UInt8](repeating: 0, count: total)
        var positionCounts = [UInt8](repeating: 0, count: total)
        let k1 = Ranking.k1
        // Pass 2: postings by term, in document order. Scores are computed here, where
        // each document's counts are read in order.
        flat.fieldFactors.withUnsafeBufferPointer { factors in
        flat.counts.withUnsafeBufferPointer { counts in
        flat.positionStarts.withUnsafeBufferPointer { positionStarts in
        flat.partitionStarts.withUnsafeBufferPointer { partitionStarts in
        cursor.withUnsafeMutableBufferPointer { cursor in
        docs.withUnsafeMutableBufferPointer { docs in
        locals.withUnsafeMutableBufferPointer { locals in
        scores.withUnsafeMutableBufferPointer { scores in
        positionCounts.withUnsafeMutableBufferPointer { positionCounts in
            var k = 0
            for d in 0..<count {
                let lo = Int(partitionStarts[d * stride + p]), hi = Int(partitionStarts[d * stride + p + 1])
                for g in lo..<hi {
                    let term = Int(postingTerms[k])
                    k += 1
                    let slot = Int(cursor[term])
                    cursor[term] = UInt32(slot + 1)
                    docs[slot] = UInt32(d)
                    locals[slot] = UInt32(g)
                    scores[slot] = Ranking.quantize(Ranking.tfPart(counts: counts[g], factors: factors, at: d * 4, k1: k1))
                    positionCounts[slot] = UInt8(truncatingIfNeeded: positionStarts[g + 1] &- positionStarts[g])
                }
            }
        }}}}}}}}}
        self.docs = docs
        self.locals = locals
        self.scores = scores
        self.positionCounts = positionCounts
    }

    func term(_ t: Int) -> String {
        let key = keys[t]
        if key >> 60 == 3 { return strings[Int(key & 0xFFFF_FFFF)] }
        return TermKey.string(key)
    }
}

/// Every document's local terms end to end (keys, counts, positions), with per-document
/// partition boundaries and BM25F field factors, so the later steps read plain arrays.
struct FlatTerms: Sendable {
    var documentCount = 0
    var keys: [UInt64] = []
    /// Words and prefixes of every document; string keys index this.
    var strings: [String] = []
    var counts: [UInt32] = []
    var positionStarts: [UInt32] = []
    var positions: [UInt16] = []
    /// Per document, `partitions + 1` absolute boundaries into `keys`.
    var partitionStarts: [UInt32] = []
    /// Per document and field: weight / length normalisation (BM25F).
    var fieldFactors: [Double] = []

    /// Also moves each document's result file into `files`.
    init(_ perDoc: [DocumentTerms], files: inout [String: [UInt8]]) {
        let count = perDoc.count
        documentCount = count
        // Where each document's terms, positions and strings go.
        var termBase = [Int](repeating: 0, count: count + 1)
        var positionBase = [Int](repeating: 0, count: count + 1)
        var stringBase = [Int](repeating: 0, count: count + 1)
        var sums = [Double](repeating: 0, count: 4)
        for (d, e) in perDoc.enumerated() {
            termBase[d + 1] = termBase[d] + e.keys.count
            positionBase[d + 1] = positionBase[d] + e.positions.count
            stringBase[d + 1] = stringBase[d] + e.strings.count
            strings.append(contentsOf: e.strings)
            sums[0] += Double(e.lengths.0)
            sums[1] += Double(e.lengths.1)
            sums[2] += Double(e.lengths.2)
            sums[3] += Double(e.lengths.3)
        }
        // Result files hold `DocumentFile.chunk` documents each: fewer files to write, a
        // little more to fetch per result.
        let chunk = DocumentFile.chunk
        for c in 0..<((count + chunk - 1) / chunk) {
            var bytes: [UInt8] = [UInt8(ascii: "[")]
            for d in (c * chunk)..<min(count, (c + 1) * chunk) {
                if d > c * chunk { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: perDoc[d].file)
            }
            bytes.append(UInt8(ascii: "]"))
            files["docs/\(c).json"] = bytes
        }
        let n = termBase[count], p = positionBase[count]
        let stride = DocumentTerms.partitions + 1
        let averages = sums.map { $0 / Double(max(1, count)) }

        var buffers = Buffers()
        keys = [UInt64](unsafeUninitializedCapacity: n) { keys, kn in
        counts = [UInt32](unsafeUninitializedCapacity: n) { counts, cn in
        positionStarts = [UInt32](unsafeUninitializedCapacity: n + 1) { positionStarts, sn in
        positions = [UInt16](unsafeUninitializedCapacity: p) { positions, pn in
        partitionStarts = [UInt32](unsafeUninitializedCapacity: count * stride) { partitionStarts, tn in
        fieldFactors = [Double](unsafeUninitializedCapacity: count * 4) { fieldFactors, fn in
            buffers = Buffers(keys: keys, counts: counts, positionStarts: positionStarts, positions: positions,
                              partitionStarts: partitionStarts, fieldFactors: fieldFactors)
            let out = buffers
            // Each document fills its own ranges, on all cores.
            _ = ChunkedWork.map(count: count) { range -> [Int] in
                for d in range {
                    let e = perDoc[d]
                    let tb = termBase[d], pb = positionBase[d], sb = UInt64(stringBase[d])
                    for (i, key) in e.keys.enumerated() {
                        out.keys[tb + i] = key >> 60 == 3 ? DocumentTerms.stringTag | (sb + (key & 0xFFFF_FFFF)) : key
                        out.counts[tb + i] = e.counts[i]
                        out.positionStarts[tb + i] = UInt32(pb) + e.positionStarts[i]
                    }
                    for (i, v) in e.positions.enumerated() { out.positions[pb + i] = v }
                    for (i, v) in e.partitionStarts.enumerated() { out.partitionStarts[d * stride + i] = UInt32(tb) + v }
                    let lengths = [e.lengths.0, e.lengths.1, e.lengths.2, e.lengths.3]
                    for f in 0..<4 {
                        out.fieldFactors[d * 4 + f] = Ranking.fieldFactor(field: f, length: lengths[f], average: averages[f])
                    }
                }
                return []
            }
            positionStarts[n] = UInt32(p)
            fn = count * 4
        }
            tn = count * stride
        }
            pn = p
        }
            sn = n + 1
        }
            cn = n
        }
            kn = n
        }
    }

    /// The buffers being filled; each task writes only its own documents' ranges, all
    /// inside the arrays' initialising closures.
    private struct Buffers: @unchecked Sendable {
        var keys = UnsafeMutableBufferPointer<UInt64>(start: nil, count: 0)
        var counts = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)
        var positionStarts = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)
        var positions = UnsafeMutableBufferPointer<UInt16>(start: nil, count: 0)
        var partitionStarts = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)
        var fieldFactors = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
    }
}

/// Open-addressing map from 64-bit keys to dense indices.
struct KeyMap {
    private var keys: [UInt64]
    private var values: [Int32]
    private var used: [Bool]
    private var count = 0
    private var mask: Int

    init(capacity: Int = 1 << 14) {
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        used = [Bool](repeating: false, count: capacity)
        mask = capacity - 1
    }

    /// The index of `key`, or `next` (recorded for it) if the key is new.
    mutating func index(of key: UInt64, next: Int) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while used[slot] {
            if keys[slot] == key { return Int(values[slot]) }
            slot = (slot + 1) & mask
        }
        used[slot] = true
        keys[slot] = key
        values[slot] = Int32(next)
        count += 1
        if count * 2 > keys.count { grow() }
        return next
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values, oldUsed = used
        let capacity = keys.count * 2
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        used = [Bool](repeating: false, count: capacity)
        mask = capacity - 1
        for i in 0..<oldKeys.count where oldUsed[i] {
            var slot = Int(truncatingIfNeeded: (oldKeys[i] &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while used[slot] { slot = (slot + 1) & mask }
            used[slot] = true
            keys[slot] = oldKeys[i]
            values[slot] = oldValues[i]
        }
    }
}

/// Runs work over index ranges on all cores and concatenates the results in order.
enum ChunkedWork {
    static func map<T>(count: Int, chunks wanted: Int? = nil, _ body: (Range<Int>) -> [T]) -> [T] {
        guard count > 0 else { return [] }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunks = min(count, wanted ?? cores * 4)
        if cores == 1 || (wanted == nil && count < 64) { return body(0..<count) }
        return withoutActuallyEscaping(body) { body in
            let box = ChunkBox(body: body, chunks: chunks)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                box.run(c, start: count * c / chunks, end: count * (c + 1) / chunks)
            }
            var out: [T] = []
            out.reserveCapacity(count)
            for r in box.results { out.append(contentsOf: r) }
            return out
        }
    }
}

/// Each chunk writes only its own slot; results are read after every chunk has finished.
private final class ChunkBox<T>: @unchecked Sendable {
    let body: (Range<Int>) -> [T]
    let slots: UnsafeMutableBufferPointer<[T]>

    init(body: @escaping (Range<Int>) -> [T], chunks: Int) {
        self.body = body
        slots = .allocate(capacity: chunks)
        slots.initialize(repeating: [])
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    var results: UnsafeMutableBufferPointer<[T]> { slots }

    func run(_ c: Int, start: Int, end: Int) {
        slots[c] = body(start..<end)
    }
}
