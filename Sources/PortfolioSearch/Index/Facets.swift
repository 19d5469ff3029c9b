import PortfolioCore

/// Tag and category facets: names that normalise alike (`市場區隔`, `市场区隔`) are one facet,
/// shown under their most common spelling.
struct Facet {
    var name: String
    var docs: [UInt32]

    func bytes(documentCount: Int) -> [UInt8] {
        var w = ByteWriter()
        DocSet.write(docs, count: documentCount, into: &w)
        return w.bytes
    }
}

enum Facets {
    /// The facets of documents with these names each, most documents first. A document
    /// counts once per facet, and its first name of that facet counts as a spelling.
    static func group(_ perDoc: [[String]]) -> [Facet] {
        var normalizer = Normalizer()
        // Each name as written (keyed by its bytes: a `String` key normalises non-ASCII
        // text on every lookup): its spelling (nil when blank), and its trimmed text.
        var written: [UTF8Key: (spelling: Int, trimmed: String)?] = [:]
        // Spellings (trimmed names, alike as `String`s are): their facet, how many documents
        // counted them, and the text of the first that did.
        var spellingNumbers: [String: Int] = [:]
        var spellings: [(facet: Int, count: Int, text: String)] = []
        var facetNumbers: [String: Int] = [:]
        var docs: [[UInt32]] = []
        for (d, names) in perDoc.enumerated() {
            for name in names {
                let entry: (spelling: Int, trimmed: String)?
                if let known = written[UTF8Key(name)] { entry = known } else {
                    let trimmed = name.trimmingWhitespace
                    if trimmed.isEmpty { entry = nil } else {
                        let spelling = spellingNumbers[trimmed] ?? {
                            let key = normalizer.normalize(trimmed)
                            let facet = facetNumbers[key] ?? docs.count
                            if facet == docs.count { facetNumbers[key] = facet; docs.append([]) }
                            spellings.append((facet, 0, ""))
                            spellingNumbers[trimmed] = spellings.count - 1
                            return spellings.count - 1
                        }()
                        entry = (spelling, trimmed)
                    }
                    written[UTF8Key(name)] = .some(entry)
                }
                guard let (spelling, trimmed) = entry else { continue }
                let facet = spellings[spelling].facet
                if docs[facet].last == UInt32(d) { continue }
                docs[facet].append(UInt32(d))
                if spellings[spelling].count == 0 { spellings[spelling].text = trimmed }
                spellings[spelling].count += 1
            }
        }
        return named(docs, spellings: spellings)
    }

    /// Facets under their commonest spelling (the first in UTF-8 order among equals), sorted.
    private static func named(_ docs: [[UInt32]], spellings: [(facet: Int, count: Int, text: String)]) -> [Facet] {
        var best: [(count: Int, text: String)?] = Array(repeating: nil, count: docs.count)
        for s in spellings where s.count > 0 {
            if let b = best[s.facet], b.count > s.count || (b.count == s.count && b.text.utf8.lexicographicallyPrecedes(s.text.utf8)) {
                continue
            }
            best[s.facet] = (s.count, s.text)
        }
        var out = zip(docs, best).map { Facet(name: $1!.text, docs: $0) }
        out.sort { a, b in
            a.docs.count != b.docs.count ? a.docs.count > b.docs.count : a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }
        return out
    }
}
