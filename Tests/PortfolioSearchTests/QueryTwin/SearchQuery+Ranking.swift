@testable import PortfolioSearch

extension SearchQuery {
    /// A document's relevance, compared in this order: segments matched by their typed
    /// form (not only a synonym), segments found side by side, the summed best field
    /// (title 3, tags 2, summary 1, body 0), the summed score.
    struct Score {
        var typed = 0
        var tier = 0
        var field = 0
        var score = 0.0
    }

    /// `docs` (in number order, i.e. newest first) in the order of `sort`, documents
    /// with more of the query's segments first, with the relevance scores when sorting
    /// by relevance.
    func order(_ docs: [Int], by sort: Sort, segments: [Segment], variantSets: [[Bitset]], hits: [Int: Int],
               terms: [String: TermData], read: inout [String]) -> (ordered: [Int], scores: [Int: Score]) {
        let more: (Int, Int) -> Bool? = { a, b in hits[a]! != hits[b]! ? hits[a]! > hits[b]! : nil }
        switch sort {
        case .date:
            return (docs.sorted { more($0, $1) ?? ($0 < $1) }, [:])
        case .views:
            read.append("views.bin")
            var views = [Int](repeating: 0, count: documentCount)
            if let bytes = files["views.bin"] {
                var r = ByteReader(bytes)
                for d in 0..<documentCount { views[d] = r.varint() }
            }
            return (docs.sorted { more($0, $1) ?? (views[$0] != views[$1] ? views[$0] > views[$1] : $0 < $1) }, [:])
        case .relevance:
            if !segments.isEmpty { fetchNorms(terms, read: &read) }
            var scores: [Int: Score] = [:]
            for d in docs { scores[d] = score(d, segments: segments, variantSets: variantSets, terms: terms) }
            let ordered = docs.sorted { a, b in
                if let m = more(a, b) { return m }
                let x = scores[a]!, y = scores[b]!
                if x.typed != y.typed { return x.typed > y.typed }
                if x.tier != y.tier { return x.tier > y.tier }
                if x.field != y.field { return x.field > y.field }
                if x.score != y.score { return x.score > y.score }
                return a < b
            }
            return (ordered, scores)
        }
    }

    /// Per segment, the best-scoring variant that matches `d`, whether the typed variant
    /// matches, its field (or, when only synonyms match, the best of theirs; a variant's
    /// field is its tokens' lowest), and a tier for each segment with a variant found side
    /// by side.
    private func score(_ d: Int, segments: [Segment], variantSets: [[Bitset]], terms: [String: TermData]) -> Score {
        var result = Score()
        for (s, segment) in segments.enumerated() {
            var best = 0.0
            var bestField = 0
            var phrase = false
            let typed = variantSets[s].first?.contains(d) == true
            if typed { result.typed += 1 }
            for (v, variant) in segment.variants.enumerated() where variantSets[s][v].contains(d) {
                var sum = 0.0
                var field = 3
                for token in variant {
                    sum += tokenScore(token, d, terms)
                    field = min(field, tokenField(token, d, terms))
                }
                best = max(best, sum)
                // The typed form's field when it matches, else the best synonym's.
                if !typed || v == 0 { bestField = max(bestField, field) }
                if variant.count > 1 && !phrase && chain(variant, d, terms) { phrase = true }
            }
            result.score += best
            result.field += bestField
            if phrase { result.tier += 1 }
        }
        return result
    }

    /// The best field of a token's terms in `d` (outside the blocks: body).
    private func tokenField(_ token: Token, _ d: Int, _ terms: [String: TermData]) -> Int {
        var best = 0
        for alt in token.alternatives {
            guard let t = terms[alt.term], t.docs.contains(d) else { continue }
            best = max(best, t.block[d]?.field ?? 0)
        }
        return best
    }

    private func tokenScore(_ token: Token, _ d: Int, _ terms: [String: TermData]) -> Double {
        var best = 0.0
        for alt in token.alternatives {
            guard let t = terms[alt.term], t.docs.contains(d) else { continue }
            let part = t.block[d].map { tfPart($0, d) } ?? Double(t.tailQ) * (k1 + 1) / 255
            let s = alt.weight * Ranking.idf(df: t.df, count: documentCount) * part
            best = max(best, s)
        }
        return best
    }

    /// BM25F of a block posting: the body count over its length normalisation, plus the
    /// other fields' weighted counts, saturated (the same operations as `search.js`).
    private func tfPart(_ p: Posting, _ d: Int) -> Double {
        let average = averageBody > 0 ? averageBody : 1
        let tf = p.weighted + Double(p.body) * weights[3] / (1 - bodyB + bodyB * bodyLength(d) / average)
        return tf * (k1 + 1) / (tf + k1)
    }

    /// Document `d`'s body length from its norms chunk (read by `fetchNorms`), or the
    /// average when the chunk is missing.
    private func bodyLength(_ d: Int) -> Double {
        guard let chunk = files["norms/\(d / normChunk).bin"], d % normChunk < chunk.count else { return averageBody }
        return Double(NormsFile.decode(chunk[d % normChunk]))
    }

    /// Records the norms chunks of the documents in the terms' blocks as read, in
    /// chunk order, as the browser fetches them before ranking.
    func fetchNorms(_ terms: [String: TermData], read: inout [String]) {
        var chunks = Set<Int>()
        for t in terms.values { for d in t.block.keys { chunks.insert(d / normChunk) } }
        for c in chunks.sorted() { read.append("norms/\(c).bin") }
    }

    /// Are the tokens of `variant` at consecutive offsets somewhere in document `d`?
    /// Only positions in the terms' blocks are known; unknown means no.
    private func chain(_ variant: [Token], _ d: Int, _ terms: [String: TermData]) -> Bool {
        var sets: [Set<Int>] = []
        for token in variant {
            var positions = Set<Int>()
            for alt in token.alternatives {
                if let p = terms[alt.term]?.block[d]?.positions { positions.formUnion(p) }
            }
            if positions.isEmpty { return false }
            sets.append(positions)
        }
        let base = variant[0].offset
        for p in sets[0] {
            var ok = true
            for i in 1..<variant.count where !sets[i].contains(p + variant[i].offset - base) {
                ok = false
                break
            }
            if ok { return true }
        }
        return false
    }
}
