import Foundation

/// Runs a query against built index files, the way `search.js` does in the browser: it
/// reads only the manifest, the fold table, the shards of the query's terms, the facet
/// files of its filters and the document files of the results it shows. Tests use it to
/// prove the files carry what a query needs; `filesRead` tells which files that was.
public struct SearchQuery: Sendable {
    public enum Sort: String, Sendable, CaseIterable {
        case relevance, date, views
    }

    /// A piece of a snippet or title; `marked` pieces matched the query.
    public struct Piece: Sendable, Equatable {
        public var text: String
        public var marked: Bool
    }

    public struct Hit: Sendable {
        public var id: String
        public var url: String
        public var title: String
        public var date: String
        public var tags: [String]
        public var views: Int
        /// Document number (0 is the newest).
        public var number: Int
        public var score: Double
        /// Query segments whose tokens were found side by side.
        public var phrases: Int
        public var titlePieces: [Piece]
        public var snippet: [Piece]

        /// The snippet with matches in `[` `]`, for tests and logs.
        public var markedSnippet: String { SearchQuery.render(snippet) }
        public var markedTitle: String { SearchQuery.render(titlePieces) }
    }

    public struct Results: Sendable {
        public var total: Int
        public var hits: [Hit]
        /// Every index file the query read, in the order it read them.
        public var filesRead: [String]
    }

    public enum LoadError: Error, Equatable {
        case missing(String)
        case malformed(String)
    }

    private let files: [String: [UInt8]]
    private let documentCount: Int
    private let shardCount: Int
    private let docChunk: Int
    private let k1: Double
    private let prefixWeight: Double
    private let synonyms: SynonymGroups
    private let fold: [UInt32: UInt32]
    private let tags: [(name: String, key: String)]
    private let categories: [(name: String, key: String)]

    public init(files: [String: [UInt8]]) throws(LoadError) {
        self.files = files
        guard let manifestBytes = files["manifest.json"] else { throw .missing("manifest.json") }
        guard let manifest = JSONReader.parse(manifestBytes) else { throw .malformed("manifest.json") }
        guard let foldBytes = files["fold.json"] else { throw .missing("fold.json") }
        guard let foldText = JSONReader.parse(foldBytes)?.stringValue else { throw .malformed("fold.json") }
        documentCount = manifest["docs"]?.intValue ?? 0
        shardCount = max(1, manifest["shards"]?.intValue ?? 1)
        docChunk = max(1, manifest["docChunk"]?.intValue ?? 1)
        k1 = manifest["k1"]?.doubleValue ?? Ranking.k1
        prefixWeight = manifest["prefixWeight"]?.doubleValue ?? Ranking.prefixWeight
        let groups = (manifest["synonyms"]?.arrayValue ?? []).map { ($0.arrayValue ?? []).compactMap(\.stringValue) }
        synonyms = SynonymGroups(normalized: groups)
        var fold: [UInt32: UInt32] = [:]
        let scalars = Array(foldText.unicodeScalars)
        var i = 0
        while i + 1 < scalars.count {
            fold[scalars[i].value] = scalars[i + 1].value
            i += 2
        }
        self.fold = fold
        func facets(_ key: String) -> [(String, String)] {
            (manifest[key]?.arrayValue ?? []).compactMap { $0.arrayValue?.first?.stringValue }.map { name in
                (name, QueryNormalizer(fold: fold).normalize(name))
            }
        }
        tags = facets("tags")
        categories = facets("categories")
    }

    // MARK: - Parsing

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

    // MARK: - Terms

    struct Posting {
        var q: UInt8
        var positions: [Int]
    }

    struct TermData {
        var df: Int
        var docs: Bitset
        var block: [Int: Posting]
        var tailQ: UInt8
    }

    private func loadTerm(_ term: String, read: inout [String], shards: inout [Int: [String: ArraySlice<UInt8>]]) -> TermData? {
        let s = TermHash.shard(of: term, shardCount: shardCount)
        if shards[s] == nil {
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
            shards[s] = table
        }
        guard let slice = shards[s]?[term] else { return nil }
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
            let q = r.byte()
            let n = r.varint()
            var positions: [Int] = []
            var p = -1
            for _ in 0..<n {
                p += r.varint() + 1
                positions.append(p)
            }
            block[previous] = Posting(q: q, positions: positions)
            if mode == 0 { docs.insert(previous) }
        }
        let tail = mode != 0 ? r.byte() : 0
        return TermData(df: df, docs: docs, block: block, tailQ: tail)
    }

    // MARK: - Search

    /// Runs `query`, filtered by a tag and/or category (names as in the manifest; either
    /// script), sorted, and returns the first `limit` hits with their snippets.
    public func search(_ query: String, sort: Sort = .relevance, tag: String? = nil, category: String? = nil,
                       limit: Int = 10) -> Results {
        var read: [String] = []
        let (segments, needles) = parse(query)
        let normalizer = QueryNormalizer(fold: fold)

        var filters: [Bitset] = []
        for (value, list, prefix) in [(tag, tags, "t"), (category, categories, "c")] {
            guard let value, !value.trimmingWhitespace.isEmpty else { continue }
            let key = normalizer.normalize(value.trimmingWhitespace)
            var set = Bitset(count: documentCount)
            if let i = list.firstIndex(where: { $0.name == value || $0.key == key }) {
                let path = "facets/\(prefix)\(i).bin"
                read.append(path)
                if let bytes = files[path] {
                    var r = ByteReader(bytes)
                    let mode = r.bytes.first ?? 1
                    // A list needs its length: read until the end.
                    if mode == DocSet.bitmapMode {
                        for d in DocSet.read(&r, df: 0, count: documentCount) { set.insert(Int(d)) }
                    } else {
                        _ = r.byte()
                        var previous = -1
                        while !r.atEnd {
                            previous += r.varint() + 1
                            set.insert(previous)
                        }
                    }
                }
            }
            filters.append(set)
        }
        if segments.isEmpty && filters.isEmpty { return Results(total: 0, hits: [], filesRead: read) }

        // Fetch every term of every variant.
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

        func tokenSet(_ token: Token) -> Bitset {
            var set = Bitset(count: documentCount)
            for alt in token.alternatives { if let t = terms[alt.term] { set.formUnion(t.docs) } }
            return set
        }
        var variantSets: [[Bitset]] = []
        var matches: Bitset? = nil
        for segment in segments {
            var segmentSet = Bitset(count: documentCount)
            var sets: [Bitset] = []
            for variant in segment.variants {
                var set = tokenSet(variant[0])
                for token in variant.dropFirst() { set.formIntersection(tokenSet(token)) }
                sets.append(set)
                segmentSet.formUnion(set)
            }
            variantSets.append(sets)
            if matches == nil { matches = segmentSet } else { matches!.formIntersection(segmentSet) }
        }
        for f in filters {
            if matches == nil { matches = f } else { matches!.formIntersection(f) }
        }
        let docs = matches?.members() ?? []

        var scores: [Int: (tier: Int, score: Double)] = [:]
        let ordered: [Int]
        switch sort {
        case .date:
            ordered = docs
        case .views:
            read.append("views.bin")
            var views = [Int](repeating: 0, count: documentCount)
            if let bytes = files["views.bin"] {
                var r = ByteReader(bytes)
                for d in 0..<documentCount { views[d] = r.varint() }
            }
            ordered = docs.sorted { views[$0] != views[$1] ? views[$0] > views[$1] : $0 < $1 }
        case .relevance:
            for d in docs {
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
                scores[d] = (tier, score)
            }
            ordered = docs.sorted { a, b in
                let x = scores[a]!, y = scores[b]!
                if x.tier != y.tier { return x.tier > y.tier }
                if x.score != y.score { return x.score > y.score }
                return a < b
            }
        }

        var hits: [Hit] = []
        for d in ordered.prefix(limit) {
            let path = "docs/\(d / docChunk).json"
            if !read.contains(path) { read.append(path) }
            guard let bytes = files[path], let doc = JSONReader.parse(bytes)?.arrayValue?[safe: d % docChunk] else { continue }
            let title = doc["t"]?.stringValue ?? ""
            let summary = doc["s"]?.stringValue ?? ""
            let excerpt = doc["x"]?.stringValue ?? ""
            hits.append(Hit(
                id: doc["i"]?.stringValue ?? "", url: doc["u"]?.stringValue ?? "", title: title,
                date: doc["d"]?.stringValue ?? "", tags: (doc["g"]?.arrayValue ?? []).compactMap(\.stringValue),
                views: doc["v"]?.intValue ?? 0, number: d,
                score: scores[d]?.score ?? 0, phrases: scores[d]?.tier ?? 0,
                titlePieces: Snippet.pieces(title, needles: needles, normalizer: normalizer, window: nil),
                snippet: Snippet.best([excerpt, summary], needles: needles, normalizer: normalizer)))
        }
        return Results(total: docs.count, hits: hits, filesRead: read)
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

    static func render(_ pieces: [Piece]) -> String {
        pieces.map { $0.marked ? "[\($0.text)]" : $0.text }.joined()
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}

/// A set of document numbers.
struct Bitset: Sendable {
    var words: [UInt64]

    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    mutating func insert(_ i: Int) {
        guard i >= 0, i / 64 < words.count else { return }
        words[i / 64] |= 1 << UInt64(i % 64)
    }
    func contains(_ i: Int) -> Bool {
        guard i >= 0, i / 64 < words.count else { return false }
        return words[i / 64] & (1 << UInt64(i % 64)) != 0
    }
    mutating func formUnion(_ o: Bitset) { for i in 0..<words.count { words[i] |= o.words[i] } }
    mutating func formIntersection(_ o: Bitset) { for i in 0..<words.count { words[i] &= o.words[i] } }
    func members() -> [Int] {
        var out: [Int] = []
        for (w, word) in words.enumerated() where word != 0 {
            for b in 0..<64 where word & (1 << UInt64(b)) != 0 { out.append(w * 64 + b) }
        }
        return out
    }
}

/// Query-side normalisation, from the files alone: NFKC, lower case, then `fold.json`.
struct QueryNormalizer {
    let fold: [UInt32: UInt32]

    private func map(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        for s in text.lowercased().unicodeScalars { out.append(fold[s.value] ?? s.value) }
        return out
    }

    /// The whole query: NFKC over the whole string, as `String.prototype.normalize` does.
    func normalizeQuery(_ query: String) -> ([UInt32], [CharClass]) {
        let scalars = map(query.precomposedStringWithCompatibilityMapping)
        return (scalars, scalars.map { Normalizer.charClass($0) })
    }

    func normalize(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for v in normalizeQuery(text).0 { if let s = Unicode.Scalar(v) { view.append(s) } }
        return String(view)
    }

    /// Character by character, with the index of the source character of each output one.
    func normalizeTracking(_ text: String) -> (scalars: [UInt32], classes: [CharClass], origins: [Int]) {
        var scalars: [UInt32] = []
        var origins: [Int] = []
        for (i, s) in text.unicodeScalars.enumerated() {
            for v in map(String(s).precomposedStringWithCompatibilityMapping) {
                scalars.append(v)
                origins.append(i)
            }
        }
        return (scalars, scalars.map { Normalizer.charClass($0) }, origins)
    }
}

/// Marks query matches in a text and picks the window to show.
enum Snippet {
    /// Characters shown around the matches.
    static let window = 100

    /// The candidate with the most marked characters, cut to a window around them; with no
    /// match anywhere, the start of the first non-empty candidate.
    static func best(_ candidates: [String], needles: SearchQuery.Needles, normalizer: QueryNormalizer) -> [SearchQuery.Piece] {
        var bestText = candidates.first { !$0.isEmpty } ?? ""
        var bestMarks = [Bool](repeating: false, count: bestText.unicodeScalars.count)
        var bestCount = 0
        for text in candidates where !text.isEmpty {
            let marks = self.marks(text, needles: needles, normalizer: normalizer)
            let n = marks.filter { $0 }.count
            if n > bestCount {
                bestCount = n
                bestText = text
                bestMarks = marks
            }
        }
        return cut(Array(bestText.unicodeScalars), bestMarks, window: window)
    }

    static func pieces(_ text: String, needles: SearchQuery.Needles, normalizer: QueryNormalizer, window: Int?) -> [SearchQuery.Piece] {
        let marks = self.marks(text, needles: needles, normalizer: normalizer)
        return cut(Array(text.unicodeScalars), marks, window: window ?? Int.max)
    }

    /// One flag per Unicode scalar of `text`.
    static func marks(_ text: String, needles: SearchQuery.Needles, normalizer: QueryNormalizer) -> [Bool] {
        let (s, classes, origins) = normalizer.normalizeTracking(text)
        var normalizedMarks = [Bool](repeating: false, count: s.count)
        for i in 0..<s.count {
            if classes[i] == .cjk {
                if needles.singles.contains(s[i]) { normalizedMarks[i] = true }
                if i + 1 < s.count, needles.pairs.contains([s[i], s[i + 1]]) {
                    normalizedMarks[i] = true
                    normalizedMarks[i + 1] = true
                }
            } else if classes[i] == .word, i == 0 || classes[i - 1] != .word {
                for w in needles.words where i + w.count <= s.count && Array(s[i..<(i + w.count)]) == w {
                    for k in i..<(i + w.count) { normalizedMarks[k] = true }
                }
            }
        }
        var marks = [Bool](repeating: false, count: text.unicodeScalars.count)
        for (i, m) in normalizedMarks.enumerated() where m { marks[origins[i]] = true }
        return marks
    }

    static func cut(_ scalars: [Unicode.Scalar], _ marks: [Bool], window: Int) -> [SearchQuery.Piece] {
        var start = 0
        if scalars.count > window {
            // The window with the most marks, starting a little before its first one.
            var bestStart = -1, bestCount = 0, running = 0
            var prefix = [Int](repeating: 0, count: marks.count + 1)
            for i in 0..<marks.count { prefix[i + 1] = prefix[i] + (marks[i] ? 1 : 0) }
            for i in 0..<marks.count where marks[i] {
                running = prefix[min(marks.count, i + window)] - prefix[i]
                if running > bestCount { bestCount = running; bestStart = i }
            }
            if bestStart >= 0 { start = max(0, min(bestStart - 10, scalars.count - window)) }
        }
        let end = min(scalars.count, start + window)
        var pieces: [SearchQuery.Piece] = []
        if start > 0 { pieces.append(.init(text: "…", marked: false)) }
        var i = start
        while i < end {
            var j = i
            while j < end && marks[j] == marks[i] { j += 1 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[i..<j])
            pieces.append(.init(text: String(view), marked: marks[i]))
            i = j
        }
        if end < scalars.count { pieces.append(.init(text: "…", marked: false)) }
        return pieces
    }
}
