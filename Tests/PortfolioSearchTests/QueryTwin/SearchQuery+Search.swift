@testable import PortfolioSearch

extension SearchQuery {
    /// Runs `query`, filtered by a tag and/or category (names as in the manifest; either
    /// script), sorted, and returns the first `limit` hits with their snippets.
    public func search(_ query: String, sort: Sort = .relevance, tag: String? = nil, category: String? = nil,
                       limit: Int = 10) -> Results {
        var read: [String] = []
        let (segments, needles) = parse(query)
        let normalizer = QueryNormalizer(fold: fold)
        let filters = facetFilters(tag: tag, category: category, normalizer: normalizer, read: &read)
        if segments.isEmpty && filters.isEmpty { return Results(total: 0, full: 0, hits: [], suggestions: [], filesRead: read) }

        let terms = fetchTerms(of: segments, read: &read)
        let (docs, variantSets, hitCounts) = matches(segments, filters: filters, terms: terms)
        let (ordered, scores) = order(docs, by: sort, segments: segments, variantSets: variantSets, hits: hitCounts,
                                      terms: terms, read: &read)
        var hits: [Hit] = []
        for d in ordered.prefix(limit) {
            if var hit = hit(d, score: scores[d], needles: needles, normalizer: normalizer, read: &read) {
                hit.partial = hitCounts[d, default: 0] < segments.count
                hits.append(hit)
            }
        }
        let full = docs.filter { hitCounts[$0, default: 0] == segments.count }.count
        let suggested = docs.isEmpty && !segments.isEmpty ? suggestions(for: query, read: &read) : []
        return Results(total: docs.count, full: full, hits: hits, suggestions: suggested, filesRead: read)
    }

    /// One set per given filter (tag first, then category); an unknown name gives an empty set.
    private func facetFilters(tag: String?, category: String?, normalizer: QueryNormalizer,
                              read: inout [String]) -> [Bitset] {
        var filters: [Bitset] = []
        for (value, list, prefix) in [(tag, tags, "t"), (category, categories, "c")] {
            guard let value, !value.trimmingWhitespace.isEmpty else { continue }
            let key = normalizer.normalize(value.trimmingWhitespace)
            var set = Bitset(count: documentCount)
            if let i = list.firstIndex(where: { $0.name == value || $0.key == key }) {
                let path = "facets/\(prefix)\(i).bin"
                read.append(path)
                if let bytes = files[path] { set = facetSet(bytes) }
            }
            filters.append(set)
        }
        return filters
    }

    private func facetSet(_ bytes: [UInt8]) -> Bitset {
        var set = Bitset(count: documentCount)
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
        return set
    }

    /// The documents matching some segment (some variant of it) and every filter, per
    /// segment the documents of each variant, and per document how many segments it has.
    private func matches(_ segments: [Segment], filters: [Bitset],
                         terms: [String: TermData]) -> (docs: [Int], variantSets: [[Bitset]], hits: [Int: Int]) {
        func tokenSet(_ token: Token) -> Bitset {
            var set = Bitset(count: documentCount)
            for alt in token.alternatives { if let t = terms[alt.term] { set.formUnion(t.docs) } }
            return set
        }
        var variantSets: [[Bitset]] = []
        var segmentSets: [Bitset] = []
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
            segmentSets.append(segmentSet)
            if matches == nil { matches = segmentSet } else { matches!.formUnion(segmentSet) }
        }
        for f in filters {
            if matches == nil { matches = f } else { matches!.formIntersection(f) }
        }
        let docs = matches?.members() ?? []
        var hits: [Int: Int] = [:]
        for d in docs { hits[d] = segmentSets.filter { $0.contains(d) }.count }
        return (docs, variantSets, hits)
    }

    private func hit(_ d: Int, score: Score?, needles: Needles, normalizer: QueryNormalizer,
                     read: inout [String]) -> Hit? {
        let path = "docs/\(d / docChunk).json"
        if !read.contains(path) { read.append(path) }
        guard let bytes = files[path], let doc = JSONReader.parse(bytes)?.arrayValue?[safe: d % docChunk] else { return nil }
        let title = doc["t"]?.stringValue ?? ""
        let summary = doc["s"]?.stringValue ?? ""
        let excerpt = doc["x"]?.stringValue ?? ""
        return Hit(
            id: doc["i"]?.stringValue ?? "", url: doc["u"]?.stringValue ?? "", title: title,
            date: doc["d"]?.stringValue ?? "", tags: (doc["g"]?.arrayValue ?? []).compactMap(\.stringValue),
            views: doc["v"]?.intValue ?? 0, number: d,
            score: score?.score ?? 0, phrases: score?.tier ?? 0, partial: false,
            titlePieces: Snippet.pieces(title, needles: needles, normalizer: normalizer, window: nil),
            snippet: Snippet.best([excerpt, summary], needles: needles, normalizer: normalizer))
    }
}
