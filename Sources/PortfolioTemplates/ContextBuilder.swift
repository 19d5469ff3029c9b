import Foundation
import PortfolioContent
import PortfolioCore

/// A template context: names to values.
public typealias Context = TemplateMap

/// Builds the contexts templates render from.
public struct ContextBuilder: Sendable {
    public let library: Library
    public let links: SiteLinks
    let dates: DateFormatting
    /// The site context, shared by every page.
    let site: TemplateValue
    /// One card per article, made once and reused by every list; `rendered` holds the
    /// card partial's HTML, so a card shown in ten lists is rendered once.
    public let cards: [Context]

    /// Builds the contexts of `library`. `reuse(i)` may hand back the card of article `i`
    /// made by an earlier builder: a card depends only on its article, the config and the
    /// card template, so the preview server remakes only the cards of edited articles.
    /// With `base`, an earlier builder's cards of the same articles in the same order are
    /// kept but those at `base.remake` (and `reuse` is not asked).
    public init(library: Library, now: Date = Date(), renderCard: (@Sendable (Context) -> String)? = nil,
                reuse: (@Sendable (Int) -> Context?)? = nil, base: (cards: [Context], remake: [Int])? = nil) {
        let config = library.config
        let links = SiteLinks(baseURL: config.baseURL)
        let dates = DateFormatting(timeZone: config.timeZone)
        self.library = library
        self.links = links
        self.dates = dates
        var site: Context = [
            "title": .init(config.title), "description": .init(config.description), "author": .init(config.author),
            "language": .init(config.language), "base_url": .init(config.baseURL), "root": .init(links.root),
            "counter_endpoint": .init(config.counterEndpoint),
            "year": .init(library.articles.first.map { dates.parts($0.date).year } ?? dates.parts(now).year),
            "params": TemplateValue(YAMLValue.map(config.params)),
        ]
        site["years"] = .init(Self.years(library, dates: dates, now: now))
        site["menu"] = .list(Self.menu(config, links: links).map { ["title": .init($0.title), "url": .init($0.url)] })
        if !config.copyrightText.isEmpty {
            site["copyright"] = ["text": .init(config.copyrightText), "url": .init(config.copyrightURL)]
        }
        site["zh_table"] = .init(links.root + "assets/zh.json")
        site["locale"] = .init(Self.locale(config.language))
        self.site = .map(site)
        // Keyed by bytes: hashing Chinese names as `String` is slow, and every card asks.
        var termLinks: [UTF8Key: TemplateValue] = [:]
        for (kind, terms) in [("tags", library.tags), ("categories", library.categories), ("authors", library.authors)] {
            for term in terms { termLinks[UTF8Key(kind + "/" + term.name)] = ["name": .init(term.name), "url": .init(links.path("\(kind)/\(term.slug)/"))] }
        }
        let links2 = termLinks
        let make: @Sendable (Int) -> Context = { i in
            var card = Self.card(library.articles[i], links: links, dates: dates, library: library, termLinks: links2)
            if let renderCard { card["rendered"] = .init(renderCard(card)) }
            return card
        }
        if let base {
            var cards = base.cards
            for i in base.remake { cards[i] = make(i) }
            self.cards = cards
        } else {
            self.cards = Parallel.map(Array(library.articles.indices)) { reuse?($0) ?? make($0) }
        }
    }

    static func card(_ a: Article, links: SiteLinks, dates: DateFormatting, library: Library,
                     termLinks: [UTF8Key: TemplateValue]) -> Context {
        func termLink(_ name: String, _ kind: String) -> TemplateValue {
            termLinks[UTF8Key(kind + "/" + name)] ?? Self.termLink(name, kind, links: links, library: library)
        }
        var card: Context = [
            "id": .init(a.slug), "title": .init(a.title), "url": .init(links.path(a.url)), "summary": .init(a.summary),
            "author": .init(a.author), "author_url": termLink(a.author, "authors")["url"]!,
            "date_iso": .init(dates.iso(a.date)), "date_day": .init(dates.day(a.date)), "date_time": .init(dates.dateTime(a.date)),
            "views": .init(a.views), "replies": .init(a.replies), "has_tags": .init(!a.tags.isEmpty),
            "tags": .list(a.tags.map { termLink($0, "tags") }),
            "categories": .list(a.categories.map { termLink($0, "categories") }),
            "reading_minutes": .init(a.readingMinutes), "params": TemplateValue(YAMLValue.map(a.params)),
            "pinned": .init(a.pinned),
        ]
        if let first = a.categories.first { card["category"] = termLink(first, "categories") }
        return card
    }

    static func termLink(_ name: String, _ kind: String, links: SiteLinks, library: Library) -> TemplateValue {
        ["name": .init(name), "url": .init(links.path("\(kind)/\(library.slug(for: name))/"))]
    }

    /// The context every page starts from.
    public func page(kind: String, title: String?, url: String, description: String? = nil) -> Context {
        let encoded = SiteLinks.encode(url)
        var page: Context = ["kind": .init(kind), "url": .init(links.root + encoded), "canonical": .init(links.baseURL + encoded),
                             "description": .init(description ?? library.config.description),
                             "og_type": "website"]
        if let title { page["title"] = .init(title) }
        return ["site": site, "page": .map(page)]
    }

    /// Cards for articles by index.
    public func cards(_ indexes: some Sequence<Int>) -> TemplateValue {
        .list(indexes.map { .map(cards[$0]) })
    }

    /// The pagination block for page `page` of a list at `base`: links to the first and
    /// last pages and two on each side of the current one, with gaps between.
    public func pagination(_ page: Page, base: String) -> TemplateValue {
        let root = links.path(base)
        func url(_ n: Int) -> TemplateValue { .init(root + Page.path(n)) }
        let shown = Set([1, page.total] + Array(max(1, page.number - 2)...min(page.total, page.number + 2))).sorted()
        var entries: [TemplateValue] = []
        for (i, n) in shown.enumerated() {
            if i > 0, n - shown[i - 1] > 1 { entries.append(["gap": true, "current": false, "url": false]) }
            entries.append(["number": .init(n), "url": url(n), "current": .init(n == page.number), "gap": false])
        }
        var p: Context = [
            "current": .init(page.number), "total": .init(page.total), "has_pages": .init(page.total > 1),
            "is_first": .init(page.number == 1), "pages": .list(entries),
        ]
        if page.number > 1 { p["prev_url"] = url(page.number - 1) }
        if page.number < page.total { p["next_url"] = url(page.number + 1) }
        return .map(p)
    }

    /// Tag-cloud entries with a weight from 1 to 5 (log scale of the article count).
    public func cloud(_ terms: [Term], kind: String) -> TemplateValue {
        let most = Double(terms.map(\.articles.count).max() ?? 1)
        return .list(terms.map { term in
            let weight = most <= 1 ? 3 : 1 + Int((log(Double(term.articles.count)) / log(most) * 4).rounded())
            return ["name": .init(term.name), "url": .init(links.path("\(kind)/\(term.slug)/")),
                    "count": .init(term.articles.count), "weight": .init(weight)]
        })
    }
}
