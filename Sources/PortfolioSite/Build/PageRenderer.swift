import Foundation
import PortfolioContent
import PortfolioCore
import PortfolioTemplates

/// Renders page jobs to (output path, HTML) with a theme. Pure: returns values.
public struct PageRenderer: Sendable {
    public let library: Library
    public let theme: Theme
    public let context: ContextBuilder
    /// Sizes of the site's local images, for the `<img>` tags of articles and pages.
    public let images: ImageSizes

    static let headings = ["tags": "標籤", "categories": "分類", "authors": "作者"]

    public init(library: Library, theme: Theme, images: ImageSizes? = nil) {
        self.library = library
        self.theme = theme
        self.context = ContextBuilder(library: library) { card in theme.renderCard(card) }
        self.images = images ?? ImageSizes(statics: [], root: SiteLinks(baseURL: library.config.baseURL).root)
    }

    /// The page's path below the output folder and its HTML.
    public func render(_ job: PageJob) -> (path: String, html: String) {
        switch job {
        case .home(let page):
            var ctx = context.page(kind: "home", title: page.number > 1 ? "第 \(page.number) 頁" : nil, url: Page.path(page.number))
            ctx["articles"] = context.cards(page.items.map { library.homeOrder[$0] })
            ctx["pagination"] = context.pagination(page, base: "")
            if page.number == 1 {
                ctx["popular"] = context.cards(library.popular(count: library.config.popularCount))
                ctx["tags"] = context.cloud(library.tags, kind: "tags")
            }
            return (Page.path(page.number) + "index.html", theme.render("home", ctx))
        case .article(let index):
            var ctx = context.article(index)
            ctx["article"]?["content"] = .init(images.apply(library.articles[index].html))
            return (library.articles[index].url + "index.html", theme.render("article", ctx))
        case .standalone(let index):
            var ctx = context.standalone(index)
            ctx["article"]?["content"] = .init(images.apply(library.pages[index].html))
            return (library.pages[index].url + "index.html", theme.render("page", ctx))
        case .termIndex(let kind):
            let heading = Self.headings[kind] ?? kind
            var ctx = context.page(kind: "terms", title: heading, url: "\(kind)/")
            ctx["terms"] = context.cloud(terms(kind), kind: kind)
            ctx["page"]?["heading"] = .init(heading)
            return ("\(kind)/index.html", theme.render("terms", ctx))
        case let .termList(kind, termIndex, page):
            let term = terms(kind)[termIndex]
            let heading = "\(Self.headings[kind] ?? kind)：\(term.name)"
            return list(base: "\(kind)/\(term.slug)/", heading: heading, items: term.articles, page: page)
        case .archiveIndex:
            return ("archives/index.html", theme.render("archives", archiveIndex()))
        case let .archiveYear(year, page):
            let items = library.years.first { $0.year == year }!.months.flatMap(\.articles)
            return list(base: "archives/\(year)/", heading: "\(year) 年", items: items, page: page)
        case let .archiveMonth(year, month, page):
            let items = library.years.first { $0.year == year }!.months.first { $0.month == month }!.articles
            return list(base: "archives/\(year)/\(Self.two(month))/", heading: "\(year) 年 \(month) 月", items: items, page: page)
        case .search:
            return ("search/index.html", theme.render("search", context.page(kind: "search", title: "搜尋", url: "search/")))
        case .notFound:
            var ctx = context.page(kind: "not-found", title: "找不到這一頁", url: "404.html")
            ctx["articles"] = context.cards(library.articles.indices.prefix(5))
            return ("404.html", theme.render("404", ctx))
        }
    }

    func terms(_ kind: String) -> [Term] {
        switch kind {
        case "tags": return library.tags
        case "categories": return library.categories
        default: return library.authors
        }
    }

    private func list(base: String, heading: String, items: [Int], page: Page) -> (path: String, html: String) {
        let title = page.number > 1 ? "\(heading) · 第 \(page.number) 頁" : heading
        var ctx = context.page(kind: "list", title: title, url: base + Page.path(page.number))
        ctx["page"]?["heading"] = .init(heading)
        ctx["page"]?["lead"] = .init("共 \(items.count) 篇文章")
        ctx["articles"] = context.cards(items[page.items])
        ctx["pagination"] = context.pagination(page, base: base)
        return (base + Page.path(page.number) + "index.html", theme.render("list", ctx))
    }

    private func archiveIndex() -> Context {
        var ctx = context.page(kind: "archives", title: "彙整", url: "archives/")
        ctx["page"]?["heading"] = "文章彙整"
        ctx["years"] = .list(library.years.map { year in
            [
                "year": .init(year.year), "count": .init(year.count), "url": .init(context.links.path("archives/\(year.year)/")),
                "months": .list(year.months.map { month in
                    ["month": .init(month.month), "anchor": .init("m\(year.year)-\(Self.two(month.month))"),
                     "count": .init(month.articles.count),
                     "url": .init(context.links.path("archives/\(year.year)/\(Self.two(month.month))/")),
                     "articles": context.cards(month.articles)]
                }),
            ]
        })
        return ctx
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
