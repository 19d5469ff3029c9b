import Foundation
import PortfolioContent
import PortfolioCore

/// The sitemap, kept line by line: after an edit only the lines of pages that appeared
/// or whose date moved are made again (a line costs percent-encoding, XML escaping and a
/// calendar lookup; ten thousand of them are the slowest part of a small rebuild).
struct SitemapCache {
    private var cache: [UTF8Key: (stamp: Double?, line: String)] = [:]
    /// One line per page, in build order (empty for the 404 page, which the sitemap leaves out).
    private var lines: [String] = []
    /// Source path of an article → its page's line.
    private var articleLine: [String: Int] = [:]
    private(set) var bytes: [UInt8] = []
    private(set) var hash = 0

    /// Makes the sitemap for the pages at `paths` (in build order), reusing cached lines.
    mutating func rebuild(paths: [String], library: Library, links: SiteLinks) {
        let dates = DateFormatting(timeZone: library.config.timeZone)
        var articleAt: [UTF8Key: Int] = [:]
        articleAt.reserveCapacity(library.articles.count)
        for (i, article) in library.articles.enumerated() { articleAt[UTF8Key(article.url)] = i }
        lines = []
        lines.reserveCapacity(paths.count)
        articleLine = [:]
        for path in paths {
            if path == Self.notFound {
                lines.append("")
                continue
            }
            let listed = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            let key = UTF8Key(listed)
            let article = articleAt[key].map { library.articles[$0] }
            let stamp = article.map { ($0.updated ?? $0.date).timeIntervalSince1970 }
            if let cached = cache[key], cached.stamp == stamp {
                lines.append(cached.line)
            } else {
                let line = Feeds.sitemapEntry(listed, lastmod: article.map { dates.day($0.updated ?? $0.date) }, links: links)
                cache[key] = (stamp, line)
                lines.append(line)
            }
            if let article { articleLine[article.sourcePath] = lines.count - 1 }
        }
        if cache.count > 2 * lines.count + 1024 { cache = cache.filter { articleAt[$0.key] != nil } }
        join()
    }

    /// Updates the lines of edited articles, which kept their pages (a page's path may have
    /// moved); false when the sitemap is unchanged.
    mutating func update(articles indexes: [Int], library: Library, links: SiteLinks) -> Bool {
        let dates = DateFormatting(timeZone: library.config.timeZone)
        var changed = false
        for i in indexes {
            let article = library.articles[i]
            guard let at = articleLine[article.sourcePath] else { continue }
            let stamp = (article.updated ?? article.date).timeIntervalSince1970
            let key = UTF8Key(article.url)
            var line = cache[key]?.line ?? ""
            if cache[key]?.stamp != stamp {
                line = Feeds.sitemapEntry(article.url, lastmod: dates.day(article.updated ?? article.date), links: links)
                cache[key] = (stamp, line)
            }
            // Compared, not assumed: an article moved back to an earlier path finds its old line in the cache.
            guard lines[at] != line else { continue }
            lines[at] = line
            changed = true
        }
        if changed { join() }
        return changed
    }

    /// After a build whose articles kept their pages but whose other pages changed: the
    /// line of page `j` (at `paths[j]`) is that of the last build's page `carried[j]`, or
    /// made anew (without a date: only article pages have one). Call `update` for the
    /// edited articles next.
    mutating func reshape(paths: [String], carried: [Int?], links: SiteLinks) {
        let old = lines
        lines = zip(paths, carried).map { path, from in
            if let from { return old[from] }
            if path == Self.notFound { return "" }
            let listed = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            let line = Feeds.sitemapEntry(listed, lastmod: nil, links: links)
            cache[UTF8Key(listed)] = (nil, line)
            return line
        }
        join()
    }

    private static let notFound = "404.html"

    private mutating func join() {
        var text = Feeds.sitemapHead
        text.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count } + 64)
        for line in lines { text += line }
        text += Feeds.sitemapTail
        bytes = Array(text.utf8)
        var h = Hasher()
        bytes.withUnsafeBytes { h.combine(bytes: $0) }
        hash = h.finalize()
    }
}
