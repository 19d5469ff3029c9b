import PortfolioContent
import PortfolioCore
import PortfolioCounter

extension Site {
    /// An error for every alias that cannot be written: one that names no path on the site
    /// (empty, with `..`, or with a hidden name), and one whose redirect page would take
    /// the place of another output (a page, the feed, an asset, a static file, the search
    /// index, the output marker, or another alias) or of a folder those need. Each error is
    /// at the line of the article's `aliases:` and names the output it collides with.
    ///
    /// `pageAt` tells whether a path is a page's, when the caller has the pages indexed
    /// already (the preview does); otherwise the pages' paths are indexed here.
    public func aliasErrors(pageAt: ((String) -> Bool)? = nil) -> [PortfolioError] {
        guard library.articles.contains(where: { !$0.aliases.isEmpty }) else { return [] }
        var taken = outputOwners(pages: pageAt == nil)
        let isPage = pageAt ?? { _ in false }
        var errors: [PortfolioError] = []
        for article in library.articles {
            let at = SourceLocation(path: article.sourcePath, line: article.lines.aliases)
            for alias in article.aliases {
                guard let path = Feeds.aliasPath(alias) else {
                    errors.append(PortfolioError(.frontMatter, "alias `\(alias)` is not a path on this site (no `..` and no names starting with `.`)", at: at))
                    continue
                }
                if let owner = isPage(path) ? "the page /\(path)" : Self.owner(of: path, in: taken) {
                    errors.append(PortfolioError(.frontMatter, "alias `\(alias)` would replace \(owner); remove it or choose another path", at: at))
                    continue
                }
                taken[UTF8Key(path)] = "the alias `\(alias)` of \(article.sourcePath)"
            }
        }
        return errors
    }

    /// Every output but the aliases (and the pages, unless `pages`), by path, with words
    /// that name it in an error.
    private func outputOwners(pages: Bool) -> [UTF8Key: String] {
        var owners: [UTF8Key: String] = [:]
        if pages { for path in pagePaths { owners[UTF8Key(path)] = "the page /\(path)" } }
        for path in ["feed.xml", "sitemap.xml", "robots.txt", CounterManifest.fileName] { owners[UTF8Key(path)] = "/\(path)" }
        owners[UTF8Key(OutputMarker.name)] = "the output folder's marker \(OutputMarker.name)"
        for path in theme.assets.keys { owners[UTF8Key(path)] = "the theme's /\(path)" }
        for file in statics { owners[UTF8Key(file.path)] = "static/\(file.path)" }
        return owners
    }

    /// What `path`, or a folder above it, already is; nil when it is free. Everything
    /// under `search/` belongs to the search index.
    private static func owner(of path: String, in taken: [UTF8Key: String]) -> String? {
        if path.hasPrefix("search/") { return "the search index (search/)" }
        if let owner = taken[UTF8Key(path)] { return owner }
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            if let owner = taken[UTF8Key(String(folder))] { return owner }
        }
        return nil
    }
}
