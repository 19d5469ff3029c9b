import Foundation
import PortfolioContent
import PortfolioCore

/// Builds the dictionaries templates render from. Dictionaries, not reflected structs:
/// swift-mustache answers dictionary lookups directly, which keeps rendering fast.
public struct ContextBuilder: @unchecked Sendable {
    public let library: Library
    public let links: SiteLinks
    let dates: DateFormatting
    /// The site context, shared by every page.
    let site: [String: Any]
    /// One card per article, made once and reused by every list.
    let cards: [[String: Any]]

    public init(library: Library, now: Date = Date()) {
        let config = library.config
        self.library = library
        let links = SiteLinks(baseURL: config.baseURL)
        let dates = DateFormatting(timeZone: config.timeZone)
        self.links = links
        self.dates = dates
        var site: [String: Any] = [
            "title": config.title, "description": config.description, "author": config.author,
            "language": config.language, "base_url": config.baseURL, "root": links.root,
            "counter_endpoint": config.counterEndpoint,
            "year": library.articles.first.map { dates.parts($0.date).year } ?? dates.parts(now).year,
        ]
        site["params"] = config.params.mapValues(\.templateValue)
        self.site = site
        self.cards = library.articles.map { Self.card($0, links: links, dates: dates, library: library) }
    }

    static func card(_ a: Article, links: SiteLinks, dates: DateFormatting, library: Library) -> [String: Any] {
        var card: [String: Any] = [
            "id": a.slug, "title": a.title, "url": links.path(a.url), "summary": a.summary,
            "author": a.author, "author_url": links.path("authors/\(library.slug(for: a.author))/"),
            "date_iso": dates.iso(a.date), "date_day": dates.day(a.date), "date_time": dates.dateTime(a.date),
            "views": a.views, "replies": a.replies, "has_tags": !a.tags.isEmpty,
            "tags": a.tags.map { termLink($0, "tags", links: links, library: library) },
            "categories": a.categories.map { termLink($0, "categories", links: links, library: library) },
            "reading_minutes": a.readingMinutes, "params": a.params.mapValues(\.templateValue),
        ]
        if let first = a.categories.first { card["category"] = termLink(first, "categories", links: links, library: library) }
        return card
    }

    static func termLink(_ name: String, _ kind: String, links: SiteLinks, library: Library) -> [String: Any] {
        ["name": name, "url": links.path("\(kind)/\(library.slug(for: name))/")]
    }

    /// The context every page starts from.
    public func page(kind: String, title: String?, url: String, description: String? = nil) -> [String: Any] {
        var page: [String: Any] = ["kind": kind, "url": links.path(url), "canonical": links.absolute(url),
                                   "description": description ?? library.config.description]
        if let title { page["title"] = title }
        return ["site": site, "page": page]
    }

    /// Cards for articles by index.
    public func cards(_ indexes: some Sequence<Int>) -> [[String: Any]] {
        indexes.map { cards[$0] }
    }

    /// The pagination block for page `page` of a list at `base`.
    public func pagination(_ page: Page, base: String) -> [String: Any] {
        var p: [String: Any] = [
            "current": page.number, "total": page.total, "has_pages": page.total > 1, "is_first": page.number == 1,
            "pages": (1...page.total).map { n in
                ["number": n, "url": links.path(base + Page.path(n)), "current": n == page.number] as [String: Any]
            },
        ]
        if page.number > 1 { p["prev_url"] = links.path(base + Page.path(page.number - 1)) }
        if page.number < page.total { p["next_url"] = links.path(base + Page.path(page.number + 1)) }
        return p
    }

    /// Tag-cloud entries with a weight from 1 to 5 (log scale of the article count).
    public func cloud(_ terms: [Term], kind: String) -> [[String: Any]] {
        let most = Double(terms.map(\.articles.count).max() ?? 1)
        return terms.map { term in
            let weight = most <= 1 ? 3 : 1 + Int((log(Double(term.articles.count)) / log(most) * 4).rounded())
            return ["name": term.name, "url": links.path("\(kind)/\(term.slug)/"), "count": term.articles.count, "weight": weight]
        }
    }
}
