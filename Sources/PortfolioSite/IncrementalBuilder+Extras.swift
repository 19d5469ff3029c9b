import Foundation
import PortfolioContent
import PortfolioCore
import PortfolioTemplates

extension IncrementalBuilder {
    /// The files besides pages, as a full build writes them: feed, sitemap, robots.txt,
    /// redirects of aliases, theme assets, static files. A later file at the same path
    /// replaces an earlier one (and any page there), as in a full build.
    func extraFiles(_ library: Library, links: SiteLinks, paths: [String], theme: Theme,
                    statics: [(String, [UInt8])], state: inout SiteState) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        files["feed.xml"] = Array(Feeds.atom(library, links: links).utf8)
        files["sitemap.xml"] = sitemap(library, links: links, paths: paths, state: &state)
        files["robots.txt"] = Array(Feeds.robots(links: links).utf8)
        for article in library.articles {
            for alias in article.aliases {
                if let path = Feeds.aliasPath(alias) { files[path] = Array(Feeds.redirect(to: links.path(article.url)).utf8) }
            }
        }
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) { files[path] = bytes }
        for (path, bytes) in statics { files[path] = bytes }
        return files
    }

    /// The sitemap, made again only when a page appeared or went or an article's date moved.
    private func sitemap(_ library: Library, links: SiteLinks, paths: [String], state: inout SiteState) -> [UInt8] {
        let listed = paths.filter { $0 != "404.html" }.map { $0.hasSuffix("index.html") ? String($0.dropLast("index.html".count)) : $0 }
        var h = Hasher()
        h.combine(listed)
        for article in library.articles {
            h.combine(article.url)
            h.combine((article.updated ?? article.date).timeIntervalSince1970)
        }
        let key = h.finalize()
        if state.sitemapKey != key {
            state.sitemap = Array(Feeds.sitemap(listed, library: library, links: links).utf8)
            state.sitemapKey = key
        }
        return state.sitemap
    }

    /// Writes the extra files whose bytes changed since they were last written; returns
    /// the paths written.
    func writeExtras(_ files: [String: [UInt8]], to folder: ServeFolder, state: inout SiteState) -> [String] {
        var written: [String] = []
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            var h = Hasher()
            bytes.withUnsafeBytes { h.combine(bytes: $0) }
            let hash = h.finalize()
            if state.extras[path] == hash { continue }
            if folder.write(path, bytes) { written.append(path) }
            state.extras[path] = hash
        }
        for path in state.extras.keys where files[path] == nil { state.extras[path] = nil }
        return written
    }
}
