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
        let stride = DocumentTerms.partitions + 1
        var total = 0
        for d in 0..<flat.documentCount {
            total += Int(flat.partitionStarts[d * stride + p + 1] - flat.partitionStarts[d * stride + p])
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
        let stride = DocumentTerms.partitions + 1
        let count = flat.documentCount
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
        return (postingTerms, df)
    }

    /// Pass 2: postings by term, in document order. Scores are computed here, where
    /// each document's counts are read in order.
    private mutating func fillPostings(p: Int, flat: FlatTerms, postingTerms: [UInt32], total: Int) {
        let stride = DocumentTerms.partitions + 1
        let count = flat.documentCount
        var cursor = starts
        var docs = [UInt32](repeating: 0, count: total)
        var locals = [UInt32](repeating: 0, count: total)
        var scores = [UInt8](repeating: 0, count: total)
        var positionCounts = [UInt8](repeating: 0, count: total)
        let k1 = Ranking.k1
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
