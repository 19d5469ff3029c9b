@testable import PortfolioSearch

extension SearchQuery {
    struct Token {
        var alternatives: [(term: String, weight: Double)]
        var offset: Int
    }

    struct Segment {
        var variants: [[Token]]
    }

    /// Needles for marking: character pairs, single characters, word prefixes.
    struct Needles {
        var pairs = Set<[UInt32]>()
        var singles = Set<UInt32>()
        var words: [[UInt32]] = []
    }

    private struct QueryTokenSink: TokenSink {
        var tokens: [Token] = []
        var needles: Needles
        let prefixWeight: Double

        mutating func pair(_ a: UInt32, _ b: UInt32, at position: Int) {
            tokens.append(Token(alternatives: [(TermKey.string(TermKey.pair(a, b)), 1)], offset: position))
            needles.pairs.insert([a, b])
        }
        mutating func unigram(_ a: UInt32, at position: Int) {
            tokens.append(Token(alternatives: [(TermKey.string(TermKey.unigram(a)), 1)], offset: position))
            needles.singles.insert(a)
        }
        mutating func word(_ scalars: ArraySlice<UInt32>, at position: Int) {
            let w = TermKey.string(scalars)
            var alternatives: [(String, Double)] = [(w, 1)]
            if scalars.count >= 2 && scalars.count <= TermKey.prefixMaxLength {
                alternatives.append((w + TermKey.prefixMarker, prefixWeight))
            }
            tokens.append(Token(alternatives: alternatives, offset: position))
            if !needles.words.contains(Array(scalars)) { needles.words.append(Array(scalars)) }
        }
    }

    func parse(_ query: String) -> (segments: [Segment], needles: Needles) {
        let normalizer = QueryNormalizer(fold: fold)
        let (scalars, _) = normalizer.normalizeQuery(query)
        var segments: [Segment] = []
        var sink = QueryTokenSink(needles: Needles(), prefixWeight: prefixWeight)
        var i = 0
        while i < scalars.count {
            if Self.isSpace(scalars[i]) { i += 1; continue }
            var j = i
            while j < scalars.count && !Self.isSpace(scalars[j]) { j += 1 }
            let segment = Array(scalars[i..<j])
            var variants: [[Token]] = []
            for variant in synonyms.variants(of: segment) {
                let variantClasses = variant.map { Normalizer.charClass($0) }
                sink.tokens = []
                Tokenizer.tokenize(variant, variantClasses, from: 0, allUnigrams: false, into: &sink)
                if !sink.tokens.isEmpty { variants.append(sink.tokens) }
            }
            if !variants.isEmpty { segments.append(Segment(variants: variants)) }
            i = j
        }
        return (segments, sink.needles)
    }

    static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0C || v == 0x3000 || v == 0xA0
    }
}
