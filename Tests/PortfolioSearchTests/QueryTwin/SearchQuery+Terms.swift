@testable import PortfolioSearch

extension SearchQuery {
    struct Posting {
        /// The title, tags and summary counts times their weights, and the body count.
        var weighted: Double
        var body: Int
        /// Best field: title 3, tags 2, summary 1, body 0.
        var field: Int
        var positions: [Int]
    }

    struct TermData {
        var df: Int
        var docs: Bitset
        var block: [Int: Posting]
        var tailQ: UInt8
    }

    /// Every term of every variant of `segments`, read from their shards; absent terms are left out.
    func fetchTerms(of segments: [Segment], read: inout [String]) -> [String: TermData] {
        var shards: [Int: [String: ArraySlice<UInt8>]] = [:]
        var terms: [String: TermData] = [:]
        var missing = Set<String>()
        for segment in segments {
            for variant in segment.variants {
                for token in variant {
                    for alt in token.alternatives where terms[alt.term] == nil && !missing.contains(alt.term) {
                        if let data = loadTerm(alt.term, read: &read, shards: &shards) { terms[alt.term] = data } else { missing.insert(alt.term) }
                    }
                }
            }
        }
        return terms
    }

    func loadTerm(_ term: String, read: inout [String], shards: inout [Int: [String: ArraySlice<UInt8>]]) -> TermData? {
        let s = TermHash.shard(of: term, shardCount: shardCount)
        if shards[s] == nil { shards[s] = loadShard(s, read: &read) }
        guard let slice = shards[s]?[term] else { return nil }
        return decodeTerm(slice)
    }

    /// The terms of shard `s`, each with its still-encoded bytes.
    private func loadShard(_ s: Int, read: inout [String]) -> [String: ArraySlice<UInt8>] {
        let path = TermHash.fileName(s)
        var table: [String: ArraySlice<UInt8>] = [:]
        read.append(path)
        if let bytes = files[path] {
            var r = ByteReader(bytes)
            let n = r.varint()
            for _ in 0..<n {
                let t = r.string()
                let length = r.varint()
                table[t] = r.slice(length)
            }
        }
        return table
    }

    private func decodeTerm(_ slice: ArraySlice<UInt8>) -> TermData {
        var r = ByteReader(Array(slice))
        let df = r.varint()
        let modeOffset = r.offset
        let mode = r.byte()
        var docs = Bitset(count: documentCount)
        if mode != 0 {
            r.offset = modeOffset
            for d in DocSet.read(&r, df: df, count: documentCount) { docs.insert(Int(d)) }
        }
        let k = r.varint()
        var block: [Int: Posting] = [:]
        var previous = -1
        for _ in 0..<k {
            previous += r.varint() + 1
            let c = r.varint()
            var weighted = 0.0
            for f in 0..<3 where c & (1 << f) != 0 { weighted += Double(r.varint()) * weights[f] }
            let nf = r.varint()
            let n = nf >> 2
            var positions: [Int] = []
            var p = -1
            for _ in 0..<n {
                p += r.varint() + 1
                positions.append(p)
            }
            block[previous] = Posting(weighted: weighted, body: c >> 3, field: nf & 3, positions: positions)
            if mode == 0 { docs.insert(previous) }
        }
        let tail = mode != 0 ? r.byte() : 0
        return TermData(df: df, docs: docs, block: block, tailQ: tail)
    }
}
