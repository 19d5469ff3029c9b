import Foundation
import PortfolioContent
import PortfolioCore
import PortfolioTemplates

extension IncrementalBuilder {
    /// A file that is not a page, with the hash of its bytes.
    struct Extra {
        var bytes: [UInt8]
        var hash: Int

        init(_ bytes: [UInt8], hash: Int? = nil) {
            self.bytes = bytes
            if let hash {
                self.hash = hash
            } else {
                var h = Hasher()
                bytes.withUnsafeBytes { h.combine(bytes: $0) }
                self.hash = h.finalize()
            }
        }

        init(_ text: String) {
            self.init(Array(text.utf8))
        }
    }

    /// The files besides pages, as a full build writes them: feed, sitemap, robots.txt,
    /// redirects of aliases, theme assets, static files. A later file at the same path
    /// replaces an earlier one (and any page there), as in a full build.
    func extraFiles(_ library: Library, links: SiteLinks, plan: PagePlan, theme: Theme) -> [String: Extra] {
        var files: [String: Extra] = [:]
        files["feed.xml"] = Extra(Feeds.atom(library, links: links))
        if let edited = plan.edit?.indexes, siteState.extras["sitemap.xml"] != nil {
            if let carried = plan.carried { siteState.sitemap.reshape(paths: plan.paths, carried: carried, links: links) }
            _ = siteState.sitemap.update(articles: edited, library: library, links: links)
        } else {
            siteState.sitemap.rebuild(paths: plan.paths, library: library, links: links)
        }
        files["sitemap.xml"] = Extra(siteState.sitemap.bytes, hash: siteState.sitemap.hash)
        files["robots.txt"] = Extra(Feeds.robots(links: links))
        for article in library.articles where !article.aliases.isEmpty {
            for alias in article.aliases {
                if let path = Feeds.aliasPath(alias) { files[path] = Extra(Feeds.redirect(to: links.path(article.url))) }
            }
        }
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) { files[path] = Extra(bytes) }
        for file in settings.statics { files[file.path] = Extra(file.bytes, hash: file.hash) }
        return files
    }

    /// Writes the extra files whose bytes changed since they were last written; returns
    /// the paths written.
    func writeExtras(_ files: [String: Extra], to folder: ServeFolder) -> [String] {
        var written: [String] = []
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            if siteState.extras[path] == file.hash { continue }
            if folder.write(path, file.bytes) { written.append(path) }
            siteState.extras[path] = file.hash
        }
        for path in siteState.extras.keys where files[path] == nil { siteState.extras[path] = nil }
        return written
    }
}
