@testable import PortfolioSearch

/// Small documents shared by the suites.
enum Fixtures {
    static func doc(_ id: String, title: String, body: String = "", tags: [String] = [], categories: [String] = [],
                    summary: String = "", timestamp: Int = 0, views: Int = 0) -> SearchDocument {
        SearchDocument(id: id, url: "posts/\(id)/", title: title, tags: tags, categories: categories,
                       date: "2019-12-09", timestamp: timestamp, views: views, summary: summary, body: body)
    }

    static let defaultSynonyms = [["行銷", "营销", "營銷"], ["通路", "渠道"]]

    static func query(_ docs: [SearchDocument], synonyms: [[String]] = defaultSynonyms) throws -> SearchQuery {
        try SearchQuery(files: SearchIndexBuilder.build(docs, options: SearchOptions(synonyms: synonyms)))
    }

    /// Tokens of `text` as the query side sees them: one string per token, `a|b` for alternatives.
    static func queryTokens(_ text: String, synonyms: [[String]] = []) throws -> [[String]] {
        let q = try query([doc("x", title: text)], synonyms: synonyms)
        return q.parse(text).segments.flatMap { segment in
            segment.variants.map { variant in variant.map { $0.alternatives.map(\.term).joined(separator: "|") } }
        }
    }

    /// Index-side tokens of one text, in order.
    static func indexTokens(_ text: String) -> [String] {
        var normalizer = Normalizer()
        var scalars: [UInt32] = []
        var classes: [CharClass] = []
        normalizer.append(text, to: &scalars, classes: &classes)
        var sink = Collect()
        Tokenizer.tokenize(scalars, classes, from: 0, allUnigrams: false, into: &sink)
        return sink.tokens.map(\.0)
    }

    struct Collect: TokenSink {
        var tokens: [(String, Int)] = []
        mutating func pair(_ a: UInt32, _ b: UInt32, at position: Int) { tokens.append((TermKey.string(TermKey.pair(a, b)), position)) }
        mutating func unigram(_ a: UInt32, at position: Int) { tokens.append((TermKey.string(TermKey.unigram(a)), position)) }
        mutating func word(_ scalars: ArraySlice<UInt32>, at position: Int) { tokens.append((TermKey.string(scalars), position)) }
    }

    static func normalize(_ text: String) -> String {
        var n = Normalizer()
        return n.normalize(text)
    }
}
