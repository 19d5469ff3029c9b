/// `suggest.json`: the words a query that finds nothing is compared with, for "did you
/// mean" (`您是不是要找：…`): every tag and category, then the pieces of titles between
/// punctuation and spaces, as a JSON array of strings.
///
/// Each word appears once (by its normalised form, the first spelling met); tags and
/// categories come first by document count, then title pieces by the number of titles
/// that have them, ties in UTF-8 order. At most `limit` words, so a large site's file
/// stays small; the browser reads it only after a query found nothing.
enum SuggestFile {
    static let limit = 3000
    /// Title pieces longer than this are left out: a suggestion is a word, not a title.
    static let maxPieceLength = 16

    static func bytes(_ docs: [SearchDocument], tags: [Facet], categories: [Facet]) -> [UInt8] {
        var normalizer = Normalizer()
        var seen = Set<String>()
        var words: [String] = []
        for facet in (tags + categories).sorted(by: byCount) where seen.insert(normalizer.normalize(facet.name)).inserted {
            words.append(facet.name)
        }
        var counts: [String: (spelling: String, titles: Int)] = [:]
        for doc in docs {
            var inTitle = Set<String>()
            for piece in pieces(of: doc.title) {
                let key = normalizer.normalize(piece)
                guard !seen.contains(key), inTitle.insert(key).inserted else { continue }
                counts[key, default: (piece, 0)].titles += 1
            }
        }
        let titled = counts.values.sorted {
            $0.titles != $1.titles ? $0.titles > $1.titles : $0.spelling.utf8.lexicographicallyPrecedes($1.spelling.utf8)
        }
        words.append(contentsOf: titled.prefix(max(0, limit - words.count)).map(\.spelling))
        return JSONValue.array(words.prefix(limit).map { .string($0) }).bytes
    }

    private static func byCount(_ a: Facet, _ b: Facet) -> Bool {
        a.docs.count != b.docs.count ? a.docs.count > b.docs.count : a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
    }

    /// The runs of letters, digits and ideographs of a title with at least two
    /// characters, not all digits.
    static func pieces(of title: String) -> [String] {
        var out: [String] = []
        var current = ""
        func flush() {
            if current.count >= 2, current.count <= maxPieceLength, !current.allSatisfy(\.isNumber) { out.append(current) }
            current = ""
        }
        for character in title {
            if character.isLetter || character.isNumber { current.append(character) } else { flush() }
        }
        flush()
        return out
    }
}
