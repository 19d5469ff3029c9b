import Foundation
@testable import PortfolioSearch

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
        /// Whether the document has only some of the query's words.
        public var partial = false
        public var titlePieces: [Piece]
        public var snippet: [Piece]

        /// The snippet with matches in `[` `]`, for tests and logs.
        public var markedSnippet: String { SearchQuery.render(snippet) }
        public var markedTitle: String { SearchQuery.render(titlePieces) }
    }

    public struct Results: Sendable {
        public var total: Int
        /// Results with every word of the query (they come first).
        public var full: Int
        public var hits: [Hit]
        /// "Did you mean" words when nothing was found.
        public var suggestions: [String]
        /// Every index file the query read, in the order it read them.
        public var filesRead: [String]
    }

    public enum LoadError: Error, Equatable {
        case missing(String)
        case malformed(String)
    }

    let files: [String: [UInt8]]
    let documentCount: Int
    let shardCount: Int
    let docChunk: Int
    let normChunk: Int
    let k1: Double
    /// Field weights (title, tags, summary, body), the body's length normalisation and average length.
    let weights: [Double]
    let bodyB: Double
    let averageBody: Double
    let prefixWeight: Double
    let synonyms: SynonymGroups
    let fold: [UInt32: UInt32]
    let tags: [(name: String, key: String)]
    let categories: [(name: String, key: String)]

    public init(files: [String: [UInt8]]) throws(LoadError) {
        self.files = files
        guard let manifestBytes = files["manifest.json"] else { throw .missing("manifest.json") }
        guard let manifest = JSONReader.parse(manifestBytes) else { throw .malformed("manifest.json") }
        guard let foldBytes = files["fold.json"] else { throw .missing("fold.json") }
        guard let foldText = JSONReader.parse(foldBytes)?.stringValue else { throw .malformed("fold.json") }
        documentCount = manifest["docs"]?.intValue ?? 0
        shardCount = max(1, manifest["shards"]?.intValue ?? 1)
        docChunk = max(1, manifest["docChunk"]?.intValue ?? 1)
        normChunk = max(1, manifest["normChunk"]?.intValue ?? 1)
        k1 = manifest["k1"]?.doubleValue ?? Ranking.k1
        let weights = (manifest["weights"]?.arrayValue ?? []).compactMap(\.doubleValue)
        guard weights.count == 4 else { throw .malformed("manifest.json") }
        self.weights = weights
        bodyB = manifest["b"]?.doubleValue ?? Ranking.bodyB
        averageBody = manifest["avgBody"]?.doubleValue ?? 0
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

    static func render(_ pieces: [Piece]) -> String {
        pieces.map { $0.marked ? "[\($0.text)]" : $0.text }.joined()
    }
}
