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

/// `docs/<c>.json`: what a result shows, `chunk` documents a file, as a JSON array of
/// `{"c":[categories],"d":date,"g":[tags],"i":id,"s":summary,"t":title,"u":url,"v":views,"x":text}`,
/// keys in sorted order, written straight to bytes (ten thousand of these per build).
/// `x` is the whole text, whitespace runs made one space, so a snippet can show a match
/// anywhere in the article; one document a file, since a query fetches only the files of
/// the results it shows and a second document there would be bytes nobody reads.
enum DocumentFile {
    /// Documents per file.
    static let chunk = 1
    /// Characters of the body kept for snippets: all of them, short of a runaway file.
    static let excerptLength = 200_000
    static let summaryLength = 160

    static func bytes(_ doc: SearchDocument) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + doc.title.utf8.count + doc.body.utf8.count + 3 * summaryLength)
        func key(_ k: String, first: Bool = false) {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: k.utf8)
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ":"))
        }
        func list(_ items: [String]) {
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "{"))
        key("c", first: true); list(doc.categories)
        key("d"); JSONValue.writeString(doc.date, into: &out)
        key("g"); list(doc.tags)
        key("i"); JSONValue.writeString(doc.id, into: &out)
        key("s"); JSONValue.writeUTF8(clip(doc.summary, summaryLength), into: &out)
        key("t"); JSONValue.writeString(doc.title, into: &out)
        key("u"); JSONValue.writeString(doc.url, into: &out)
        key("v"); out.append(contentsOf: String(doc.views).utf8)
        key("x"); JSONValue.writeUTF8(clip(doc.body, excerptLength), into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// UTF-8 of `text` with whitespace runs collapsed to one space (none at the ends), cut
    /// to `limit` Unicode scalars (never inside a combining sequence) with an ellipsis.
    static func clip(_ text: String, _ limit: Int) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            // Never longer than the text and an ellipsis: whitespace runs only shrink.
            [UInt8](unsafeUninitializedCapacity: bytes.count + 3) { out, written in written = clip(bytes, limit, into: out) }
        }
    }

    /// `clip` of valid UTF-8 into `out`, which has room for all of it and an ellipsis; returns the byte count.
    private static func clip(_ bytes: UnsafeBufferPointer<UInt8>, _ limit: Int, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var o = 0, n = 0, i = 0
        var space = false
        while i < bytes.count {
            let b0 = bytes[i]
            let length = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
            var v = UInt32(b0)
            if length == 2 { v = UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F) }
            if length == 3 { v = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F) }
            if length == 4 {
                v = UInt32(b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
            }
            if isWhitespace(v) {
                space = o > 0
                i += length
                continue
            }
            if n >= limit && !extends(v) {
                for byte in "…".utf8 { out[o] = byte; o += 1 }
                break
            }
            if space { out[o] = 0x20; o += 1; n += 1; space = false }
            for k in 0..<length { out[o + k] = bytes[i + k] }
            o += length
            n += 1
            i += length
        }
        return o
    }

    /// Unicode White_Space.
    static func isWhitespace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Scalars that continue the character before them (marks, joiners, selectors, skin tones).
    static func extends(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F,
             0x200C, 0x200D, 0x3099, 0x309A, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F, 0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }
}

/// `fold.json`: one JSON string of character pairs, source then target, for every
/// character whose fold lands on a character the index (or a synonym) can match.
enum FoldFile {
    static func bytes(indexed: Set<UInt32>, synonyms: [[String]]) -> [UInt8] {
        var targets = indexed
        for group in synonyms { for m in group { for s in m.unicodeScalars { targets.insert(s.value) } } }
        var view = String.UnicodeScalarView()
        for (from, to) in HanFold.changes where targets.contains(to) || from < 0x3400 {
            guard let a = Unicode.Scalar(from), let b = Unicode.Scalar(to) else { continue }
            view.append(a)
            view.append(b)
        }
        return JSONValue.string(String(view)).bytes
    }
}
