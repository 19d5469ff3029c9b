import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PortfolioContent
import PortfolioCore
import PortfolioSearch

/// Turns the library into search documents and the index files under `search/`.
enum SearchStep {
    /// The documents of every published article, in library order.
    static func documents(_ library: Library) -> [SearchDocument] {
        let dates = DateFormatting(timeZone: library.config.timeZone)
        return library.articles.map { a in
            SearchDocument(id: a.slug, url: a.url, title: a.title, tags: a.tags, categories: a.categories,
                           date: dates.day(a.date), timestamp: Int(a.date.timeIntervalSince1970), views: a.views,
                           summary: ownSummary(a), body: a.plainText)
        }
    }

    /// The summary when the author wrote one; empty when it is the body's own first
    /// paragraph, so that a match there counts once, as body, and a written summary
    /// ranks above the body.
    static func ownSummary(_ a: Article) -> String {
        var text = a.summary.hasSuffix("…") ? String(a.summary.dropLast()) : a.summary
        var body = a.plainText
        // On the bytes: `String.contains` compares by Unicode rules, a thousand times slower.
        let found = text.withUTF8 { needle in
            body.withUTF8 { hay in
                contains(hay, needle)
            }
        }
        return found ? "" : a.summary
    }

    /// Whether `needle`'s bytes occur in `hay`.
    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard hay.count >= needle.count, let h = hay.baseAddress, let n = needle.baseAddress else { return false }
        var i = 0
        while i + needle.count <= hay.count {
            if h[i] == first && memcmp(h + i, n, needle.count) == 0 { return true }
            i += 1
        }
        return false
    }

    /// The index files, keyed by their path below the output folder.
    static func files(_ library: Library) -> [String: [UInt8]] {
        let index = SearchIndexBuilder.build(documents(library), options: SearchOptions(synonyms: library.config.synonyms))
        var files: [String: [UInt8]] = [:]
        for (path, bytes) in index { files["search/" + path] = bytes }
        return files
    }

    /// Writes the index; returns a line for the build log.
    static func write(_ library: Library, to writer: OutputWriter) -> String {
        let files = files(library)
        // Thousands of small shard files: written on all cores, like pages.
        _ = Parallel.map(files.sorted(by: { $0.key < $1.key })) { file in writer.write(file.key, file.value) }
        let bytes = files.values.reduce(0) { $0 + $1.count }
        return "\(files.count) files, \(bytes / 1024) KB"
    }
}
