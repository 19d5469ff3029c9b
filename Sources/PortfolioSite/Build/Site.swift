import Foundation
import PortfolioContent
import PortfolioCore
import PortfolioCounter
import PortfolioSearch
import PortfolioTemplates

/// A site as one value: every output it has, computed from the library, the theme and the
/// static files. This is the one place that decides what a site contains. `build` writes
/// all of it, `serve` writes what differs from the last build, and a publish step
/// transforms it.
///
/// Pages are listed as jobs and rendered on demand (a large site's HTML is hundreds of
/// megabytes, and each page is written as soon as it is made); every other output comes
/// from `others` and `searchFiles`.
public struct Site: Sendable {
    public let library: Library
    public let theme: Theme
    public let statics: [StaticFile]
    public let links: SiteLinks
    /// The pages, in order, and their paths below the output folder.
    public let pages: [PageJob]
    public let pagePaths: [String]

    /// The site of `library` rendered with `theme`, with its pages as `PageJob.all` lists them.
    public init(library: Library, theme: Theme, statics: [StaticFile]) {
        let pages = PageJob.all(in: library)
        self.init(library: library, theme: theme, statics: statics, pages: pages, pagePaths: pages.map { $0.outputPath(in: library) })
    }

    /// The site with pages already planned (the preview plans them from its last build).
    init(library: Library, theme: Theme, statics: [StaticFile], pages: [PageJob], pagePaths: [String]) {
        self.library = library
        self.theme = theme
        self.statics = statics
        self.links = SiteLinks(baseURL: library.config.baseURL)
        self.pages = pages
        self.pagePaths = pagePaths
    }

    /// The outputs that are neither pages nor the search index, in the order they are
    /// written: a later one at the same path takes the place of an earlier one (and of a
    /// page there). `sitemap` gives the sitemap's bytes when the caller keeps them up to
    /// date itself; by default they are made from the pages' paths.
    public func others(sitemap: (() -> [UInt8])? = nil) -> [SiteOutput] {
        var outputs = [SiteOutput("feed.xml", .feed, Array(Feeds.atom(library, links: links).utf8))]
        outputs.append(SiteOutput("sitemap.xml", .feed, sitemap?() ?? Array(Feeds.sitemap(listedPages, library: library, links: links).utf8)))
        outputs.append(SiteOutput("robots.txt", .feed, Array(Feeds.robots(links: links).utf8)))
        outputs.append(SiteOutput(CounterManifest.fileName, .feed, counterManifestFile()))
        for redirect in aliasRedirects {
            outputs.append(SiteOutput(redirect.path, .redirect, Array(Feeds.redirect(to: redirect.target).utf8)))
        }
        outputs.append(SiteOutput(ScriptTable.path, .asset, ScriptTable.json))
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) { outputs.append(SiteOutput(path, .asset, bytes)) }
        outputs.append(SiteOutput("search/search.js", .asset, theme.minifiedSearchScript))
        for file in statics { outputs.append(SiteOutput(file.path, .staticFile, file.bytes)) }
        return outputs
    }

    /// Every alias of every article: the path of its redirect page below the output
    /// folder, and the root-relative address it sends the reader to. Host rules
    /// (`_redirects`, a server's 301s) are made from this list too.
    public var aliasRedirects: [(path: String, target: String)] {
        library.articles.flatMap { article in
            article.aliases.compactMap { alias in Feeds.aliasPath(alias).map { ($0, links.path(article.url)) } }
        }
    }

    /// The pages a sitemap lists: every page but the 404 page, by its folder's address.
    public var listedPages: [String] {
        pagePaths.filter { $0 != "404.html" }.map { $0.hasSuffix("index.html") ? String($0.dropLast("index.html".count)) : $0 }
    }

    /// The search index's files under `search/` (its script is one of `others`).
    public func searchFiles() -> [SiteOutput] {
        SearchStep.files(library).sorted(by: { $0.key < $1.key }).map { SiteOutput($0.key, .search, $0.value) }
    }

    /// A renderer for the pages.
    public func renderer() -> PageRenderer {
        PageRenderer(library: library, theme: theme, images: images)
    }

    /// The sizes of the site's local images, which article pages give their `<img>` tags.
    public var images: ImageSizes { ImageSizes(statics: statics, root: links.root) }
}
