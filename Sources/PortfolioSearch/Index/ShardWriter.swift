/// The bytes of one term in a shard.
///
/// ```
/// varint df                      documents that contain the term
/// byte   mode                    0: every posting is in the block below
///                                1, 2: the full document set follows (DocSet list or bitmap)
/// varint k                       postings in the block: the k best by counts, by document number
/// k × { varint doc gap, counts, varint n × 4 + field, n × varint position gap }
/// byte   tail q                  (modes 1, 2) average q of the postings outside the block
/// ```
///
/// `counts` are the term's counts in the document's fields: a varint body count × 8 +
/// a bit each for title (1), tags (2) and summary (4), then a varint count for each bit
/// set, in that order. A query scores a block posting with BM25F from them, the
/// document's body length (`norms/`) and the manifest's average; for documents outside
/// the block it takes the tail estimate. The block (the postings with the highest
/// `Ranking.tfPart(counts:)`, newest first among equals) and `tail q` (that value
/// quantised, averaged) depend on the term's own postings only, so an edit changes the
/// bytes of a term only when its postings in the edited document changed.
///
/// Positions in the block let a query see whether the pairs of a phrase sit side by
/// side. `field` is the best field the term is in (3 title, 2 tags, 1 summary, 0 body),
/// for ranking title matches above tag matches above summary and body ones; outside the
/// block it is taken as body.
enum TermEncoder {
    /// At most this many postings in a term's block…
    static let blockMax = 128
    /// …and about this many bytes.
    static let blockBudget = 2048

    static func encode(docs: ArraySlice<UInt32>, locals: ArraySlice<UInt32>, scores: ArraySlice<UInt8>,
                       positionCounts: ArraySlice<UInt8>, flat: FlatTerms) -> [UInt8] {
        let df = docs.count
        var estimated = 0
        for n in positionCounts { estimated += 4 + 2 * Int(n) }
        let postings = Postings(docs: docs, locals: locals, scores: scores, positionCounts: positionCounts, flat: flat)
        // Most terms are rare and fit whole: they take no arrays but their bytes.
        if df <= blockMax && estimated <= blockBudget {
            var w = ByteWriter(capacity: estimated + 16)
            w.varint(df)
            w.byte(0)
            w.varint(df)
            var previous = -1
            for j in 0..<df { postings.write(j, after: &previous, into: &w) }
            return w.bytes
        }
        let block = best(postings)
        var w = ByteWriter(capacity: 64 + block.count * 8)
        w.varint(df)
        let complete = block.count == df
        if complete { w.byte(0) } else { DocSet.write(Array(docs), count: flat.documentCount, into: &w) }
        w.varint(block.count)
        var previous = -1
        var inBlock = [Bool](repeating: false, count: df)
        for j in block {
            inBlock[j] = true
            postings.write(j, after: &previous, into: &w)
        }
        guard !complete else { return w.bytes }
        var sum = 0, n = 0
        for j in 0..<df where !inBlock[j] { sum += Int(postings.score(j)); n += 1 }
        w.byte(UInt8(max(1, min(255, (sum + n / 2) / max(1, n)))))
        return w.bytes
    }

    /// The postings of a term too large for one block: the best scores (newest first
    /// among equals) that fit, in document order.
    private static func best(_ postings: Postings) -> [Int] {
        let df = postings.docs.count
        var levels = [Int](repeating: 0, count: 257)
        for j in 0..<df { levels[256 - Int(postings.score(j))] += 1 }
        for i in 0..<256 { levels[i + 1] += levels[i] }
        var order = [Int](repeating: 0, count: df)
        var cursor = levels
        for j in 0..<df {
            let level = 255 - Int(postings.score(j))
            order[cursor[level]] = j
            cursor[level] += 1
        }
        var block: [Int] = []
        var size = 0
        for j in order {
            if block.count >= blockMax { break }
            let s = 4 + 2 * postings.positionCount(j)
            if size + s > blockBudget && block.count >= 16 { break }
            block.append(j)
            size += s
        }
        return block.sorted()
    }

    /// A term's postings, read by their place `j` in the term's row.
    private struct Postings {
        /// The best field of a posting's counts (one byte each: title, tags, summary,
        /// body): 3 for the title, 2 tags, 1 summary, 0 body.
        static func fieldRank(_ counts: UInt32) -> Int {
            if counts & 0xFF != 0 { return 3 }
            if counts & 0xFF00 != 0 { return 2 }
            return counts & 0xFF_0000 != 0 ? 1 : 0
        }

        /// Counts as the format above says: body × 8 + bits for the other fields, then their counts.
        static func writeCounts(_ counts: UInt32, into w: inout ByteWriter) {
            let fields = [Int(counts & 0xFF), Int((counts >> 8) & 0xFF), Int((counts >> 16) & 0xFF)]
            var bits = 0
            for (f, n) in fields.enumerated() where n > 0 { bits |= 1 << f }
            w.varint(Int(counts >> 24) << 3 | bits)
            for n in fields where n > 0 { w.varint(n) }
        }

        let docs: ArraySlice<UInt32>, locals: ArraySlice<UInt32>, scores: ArraySlice<UInt8>, positionCounts: ArraySlice<UInt8>
        let flat: FlatTerms

        func score(_ j: Int) -> UInt8 { scores[scores.startIndex + j] }
        func positionCount(_ j: Int) -> Int { Int(positionCounts[positionCounts.startIndex + j]) }

        /// Writes posting `j`: document gap, counts, and its positions as gaps.
        func write(_ j: Int, after previous: inout Int, into w: inout ByteWriter) {
            let d = Int(docs[docs.startIndex + j])
            w.varint(d - previous - 1)
            previous = d
            let npos = positionCount(j)
            let b = flat.block(ofDocument: d)
            let local = Int(locals[locals.startIndex + j]) - flat.termBase[b]
            let counts = flat.blocks[b].counts[local]
            Self.writeCounts(counts, into: &w)
            w.varint(npos << 2 | Self.fieldRank(counts))
            guard npos > 0 else { return }
            flat.blocks[b].positions.withUnsafeBufferPointer { positions in
                let s = Int(flat.blocks[b].positionStarts[local])
                var p = -1
                for k in 0..<npos {
                    let v = Int(positions[s + k])
                    w.varint(v - p - 1)
                    p = v
                }
            }
        }
    }
}

/// Groups encoded terms into hashed shard files.
///
/// ```
/// varint term count
/// per term, by UTF-8 order: varint length, UTF-8 term, varint length, term bytes
/// ```
enum ShardWriter {
    /// Aim for shards of about this size, so a term costs little more than itself to fetch.
    static let targetBytes = 4096
    /// Shard bytes per document on the benchmark corpus (Chinese articles of a few
    /// thousand characters), to size the shards from the document count.
    static let bytesPerDocument = 1024

    /// A power of two, so the browser can mask the hash. It depends on the number of
    /// documents only: were it sized by the index's bytes, an edit could double it and
    /// move every term to another file.
    static func shardCount(documentCount: Int) -> Int {
        var n = 1
        while n * targetBytes < documentCount * bytesPerDocument && n < 1 << 16 { n *= 2 }
        return n
    }

    static func shards(_ terms: [(term: String, bytes: [UInt8])], shardCount: Int) -> [(String, [UInt8])] {
        var buckets = [[Int]](repeating: [], count: shardCount)
        for (i, t) in terms.enumerated() { buckets[TermHash.shard(of: t.term, shardCount: shardCount)].append(i) }
        var out: [(String, [UInt8])] = []
        for (s, bucket) in buckets.enumerated() where !bucket.isEmpty {
            let sorted = bucket.sorted { terms[$0].term.utf8.lexicographicallyPrecedes(terms[$1].term.utf8) }
            var w = ByteWriter()
            w.varint(sorted.count)
            for i in sorted {
                w.string(terms[i].term)
                w.varint(terms[i].bytes.count)
                w.append(terms[i].bytes)
            }
            out.append((TermHash.fileName(s), w.bytes))
        }
        return out
    }
}
