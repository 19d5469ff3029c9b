/// The postings of the terms of one partition, as compressed sparse rows: term `t` has
/// the postings `starts[t]..<starts[t + 1]`, each a document and the posting's global
/// term index in `FlatTerms` (where its counts and positions are).
struct Partition: Sendable {
    var keys: [UInt64] = []
    var strings: [String] = []
    var starts: [UInt32] = []
    var docs: [UInt32] = []
    var locals: [UInt32] = []
    /// Quantised saturated term frequency of each posting, from its counts alone (`Ranking.tfPart`).
    var scores: [UInt8] = []
    /// Positions kept for each posting.
    var positionCounts: [UInt8] = []

    init(p: Int, flat: FlatTerms) {
        var total = 0
        for block in flat.blocks {
            block.partitionStarts.withUnsafeBufferPointer { starts in
                for i in 0..<block.documentCount { total += TermBlock.terms(of: starts, partition: p, document: i).count }
            }
        }
        let (postingTerms, df) = collectTerms(p: p, flat: flat, total: total)
        starts = [UInt32](repeating: 0, count: keys.count + 1)
        for t in 0..<keys.count { starts[t + 1] = starts[t] + df[t] }
        fillPostings(p: p, flat: flat, postingTerms: postingTerms, total: total)
    }

    /// Pass 1: the term of every posting (terms numbered as first met, into `keys` and
    /// `strings`), and each term's document frequency.
    private mutating func collectTerms(p: Int, flat: FlatTerms, total: Int) -> (postingTerms: [UInt32], df: [UInt32]) {
        var map = KeyMap(capacity: 1 << 12)
        var stringIndex: [String: Int] = [:]
        var df: [UInt32] = []
        let postingTerms = [UInt32](unsafeUninitializedCapacity: total) { postingTerms, initialized in
            var k = 0
            for block in flat.blocks {
                block.keys.withUnsafeBufferPointer { blockKeys in
                    block.partitionStarts.withUnsafeBufferPointer { partitionStarts in
                        for i in 0..<block.documentCount {
                            for g in TermBlock.terms(of: partitionStarts, partition: p, document: i) {
                                let key = partitionKey(blockKeys[g], in: block, index: &stringIndex)
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
            }
            initialized = k
        }
        return (postingTerms, df)
    }

    /// `key`, with a word numbered in this partition's `strings` instead of its block's.
    @inline(__always)
    private mutating func partitionKey(_ key: UInt64, in block: TermBlock, index: inout [String: Int]) -> UInt64 {
        guard key >> 60 == 3 else { return key }
        let text = block.strings[Int(key & 0xFFFF_FFFF)]
        if let found = index[text] { return TermBlock.stringTag | UInt64(found) }
        strings.append(text)
        index[text] = strings.count - 1
        return TermBlock.stringTag | UInt64(strings.count - 1)
    }

    /// Pass 2: postings by term, in document order. Scores are computed here, where
    /// each document's counts are read in order.
    private mutating func fillPostings(p: Int, flat: FlatTerms, postingTerms: [UInt32], total: Int) {
        var cursor = starts
        var docs = [UInt32](repeating: 0, count: total)
        var locals = [UInt32](repeating: 0, count: total)
        var scores = [UInt8](repeating: 0, count: total)
        var positionCounts = [UInt8](repeating: 0, count: total)
        var k = 0
        for (b, block) in flat.blocks.enumerated() {
            let rows = Rows(block: block, termBase: flat.termBase[b])
            rows.fill(p: p, postingTerms: postingTerms, k: &k, cursor: &cursor, docs: &docs, locals: &locals,
                      scores: &scores, positionCounts: &positionCounts)
        }
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
