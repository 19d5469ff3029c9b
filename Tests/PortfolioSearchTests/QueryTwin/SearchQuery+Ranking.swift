@testable import PortfolioSearch

extension SearchQuery {
    /// A document's relevance: segments matched as phrases first, then the summed score.
    typealias Score = (tier: Int, score: Double)

    /// `docs` (in number order, i.e. newest first) in the order of `sort`, with the
    /// relevance scores when sorting by relevance.
    func order(_ docs: [Int], by sort: Sort, segments: [Segment], variantSets: [[Bitset]],
               terms: [String: TermData], read: inout [String]) -> (ordered: [Int], scores: [Int: Score]) {
        switch sort {
        case .date:
            return (docs, [:])
        case .views:
            read.append("views.bin")
            var views = [Int](repeating: 0, count: documentCount)
            if let bytes = files["views.bin"] {
                var r = ByteReader(bytes)
                for d in 0..<documentCount { views[d] = r.varint() }
            }
            return (docs.sorted { views[$0] != views[$1] ? views[$0] > views[$1] : $0 < $1 }, [:])
        case .relevance:
            var scores: [Int: Score] = [:]
            for d in docs { scores[d] = score(d, segments: segments, variantSets: variantSets, terms: terms) }
            let ordered = docs.sorted { a, b in
                let x = scores[a]!, y = scores[b]!
                if x.tier != y.tier { return x.tier > y.tier }
                if x.score != y.score { return x.score > y.score }
                return a < b
            }
            return (ordered, scores)
        }
    }

    /// Per segment, the best-scoring variant that matches `d`; a tier for each segment
    /// with a variant found side by side.
    private func score(_ d: Int, segments: [Segment], variantSets: [[Bitset]], terms: [String: TermData]) -> Score {
        var tier = 0
        var score = 0.0
        for (s, segment) in segments.enumerated() {
            var best = 0.0
            var phrase = false
            for (v, variant) in segment.variants.enumerated() where variantSets[s][v].contains(d) {
                var sum = 0.0
                for token in variant { sum += tokenScore(token, d, terms) }
                best = max(best, sum)
                if variant.count > 1 && !phrase && chain(variant, d, terms) { phrase = true }
            }
            score += best
            if phrase { tier += 1 }
        }
        return (tier, score)
    }

    private func tokenScore(_ token: Token, _ d: Int, _ terms: [String: TermData]) -> Double {
        var best = 0.0
        for alt in token.alternatives {
            guard let t = terms[alt.term], t.docs.contains(d) else { continue }
            let q = t.block[d]?.q ?? t.tailQ
            let s = alt.weight * Ranking.idf(df: t.df, count: documentCount) * Double(q)
            best = max(best, s)
        }
        return best * (k1 + 1) / 255
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
