import Foundation
import PortfolioContent
import PortfolioCore

/// The machine-readable files: Atom feed, sitemap, robots.txt and alias redirects.
/// Pure: each returns text; everything from content is XML-escaped.
enum Feeds {
    static func atom(_ library: Library, links: SiteLinks, limit: Int = 20) -> String {
        let config = library.config
        let dates = DateFormatting(timeZone: config.timeZone)
        let newest = library.articles.first.map { dates.iso($0.updated ?? $0.date) } ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.xml(config.language))">
        <title>\(Escape.xml(config.title))</title>
        <subtitle>\(Escape.xml(config.description))</subtitle>
        <link href="\(Escape.xml(links.absolute("feed.xml")))" rel="self"/>
        <link href="\(Escape.xml(links.baseURL))"/>
        <id>\(Escape.xml(links.baseURL))</id>
        <updated>\(newest)</updated>
        <author><name>\(Escape.xml(config.author))</name></author>

        """
        for article in library.articles.prefix(limit) {
            let url = Escape.xml(links.absolute(article.url))
            xml += "<entry>\n<title>\(Escape.xml(article.title))</title>\n<link href=\"\(url)\"/>\n<id>\(url)</id>\n"
            xml += "<published>\(dates.iso(article.date))</published>\n<updated>\(dates.iso(article.updated ?? article.date))</updated>\n"
            xml += "<author><name>\(Escape.xml(article.author))</name></author>\n"
            for tag in article.tags { xml += "<category term=\"\(Escape.xml(tag))\"/>\n" }
            xml += "<summary>\(Escape.xml(article.summary))</summary>\n"
            xml += "<content type=\"html\">\(Escape.xml(article.html))</content>\n</entry>\n"
        }
        return xml + "</feed>\n"
    }

    static func sitemap(_ paths: [String], library: Library, links: SiteLinks) -> String {
        let dates = DateFormatting(timeZone: library.config.timeZone)
        var lastmod: [UTF8Key: String] = [:]
        lastmod.reserveCapacity(library.articles.count)
        for article in library.articles { lastmod[UTF8Key(article.url)] = dates.day(article.updated ?? article.date) }
        let lastmods = lastmod
        let entries = Parallel.map(paths) { sitemapEntry($0, lastmod: lastmods[UTF8Key($0)], links: links) }
        return sitemapHead + entries.joined() + sitemapTail
    }

    static let sitemapHead = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    static let sitemapTail = "</urlset>\n"

    /// One `<url>` line of the sitemap (the preview server keeps these from build to build).
    static func sitemapEntry(_ path: String, lastmod day: String?, links: SiteLinks) -> String {
        "<url><loc>\(Escape.xml(links.absolute(path)))</loc>" + (day.map { "<lastmod>\($0)</lastmod>" } ?? "") + "</url>\n"
    }

    static func robots(links: SiteLinks) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(links.absolute("sitemap.xml"))\n"
    }

    /// A page that sends the reader from an old URL to the article.
    static func redirect(to url: String) -> String {
        let target = Escape.html(url)
        return """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(target)</title><link rel="canonical" href="\(target)">
        <meta http-equiv="refresh" content="0; url=\(target)"></head>
        <body><p><a href="\(target)">\(target)</a></p></body></html>

        """
    }

    /// The output path of an alias such as `/old/path/` or `2019/12/post.html`; nil for
    /// one that names no path, climbs out with `..`, or has a hidden (`.`) name in it,
    /// which no server shows.
    static func aliasPath(_ alias: String) -> String? {
        let parts = alias.split(separator: "/").filter { $0 != "." && !$0.isEmpty }
        guard !parts.isEmpty, !parts.contains(where: { $0.hasPrefix(".") }) else { return nil }
        let joined = parts.joined(separator: "/")
        return joined.hasSuffix(".html") ? joined : joined + "/index.html"
    }
}
