import Foundation
import PortfolioContent
import PortfolioCore

/// The tags a site's articles already use, for `import --tags-from-site`.
public enum SiteTags {
    /// Every tag of every article under `content/` (drafts too), the most used first,
    /// then in code-point order.
    public static func names(siteRoot: URL) throws(PortfolioErrors) -> [String] {
        let config = try SiteConfig.load(siteRoot: siteRoot)
        let paths = ContentSource.markdownFiles(in: siteRoot.appendingPathComponent("content"), siteRoot: siteRoot)
        let loaded = ContentSource.load(paths, siteRoot: siteRoot, loader: ArticleLoader(config: config))
        if !loaded.errors.isEmpty { throw PortfolioErrors(loaded.errors) }
        var counts: [String: Int] = [:]
        for article in loaded.articles { for tag in article.tags { counts[tag, default: 0] += 1 } }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }
}
