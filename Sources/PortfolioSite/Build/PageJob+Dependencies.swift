import PortfolioContent
import PortfolioCore

/// What the pages of one build are made from, reduced to hashes: enough to tell, without
/// rendering, whether a page would come out different from the last build's.
struct PageFacts {
    let library: Library
    /// Hash of the site context every page shows (config, newest year).
    let site: Int
    /// Hash of each article's card context (title, URL, summary, tags, rendered card…), by index.
    let cards: [Int]
    /// Hash of each article's source file, by index: equal bytes, equal article.
    let sources: [Int]
    /// Related articles of each article, by index.
    let related: [[Int]]
    /// Hash of the term clouds (`tags`, `categories`, `authors`): names, slugs and counts.
    let clouds: [String: Int]
    /// Hash of the archive index: years, months and the cards in them.
    let archive: Int
    /// The articles of each year, in order.
    let yearItems: [Int: [Int]]
    /// Hash of each term's name, by kind and term index (a list page shows the name).
    let termNames: [String: [Int]]
    /// The home page's popular articles.
    let popular: [Int]
    /// Hash of each standalone page's source file, by index of `library.pages`.
    let pageSources: [Int]
    /// Hash of the local images' sizes, which articles and pages show.
    let images: Int

    init(library: Library, site: Int, cards: [Int], sources: [Int], related: [[Int]], pageSources: [Int], images: ImageSizes) {
        self.library = library
        self.pageSources = pageSources
        self.images = images.hashValue
        self.site = site
        self.cards = cards
        self.sources = sources
        self.related = related
        var clouds: [String: Int] = [:], termNames: [String: [Int]] = [:]
        for (kind, terms) in [("tags", library.tags), ("categories", library.categories), ("authors", library.authors)] {
            var h = Hasher()
            for term in terms {
                h.combine(term.name)
                h.combine(term.slug)
                h.combine(term.articles.count)
            }
            clouds[kind] = h.finalize()
            termNames[kind] = terms.map { $0.name.hashValue }
        }
        self.clouds = clouds
        self.termNames = termNames
        popular = library.popular(count: library.config.popularCount)
        var yearItems: [Int: [Int]] = [:]
        for year in library.years { yearItems[year.year] = year.months.flatMap(\.articles) }
        self.yearItems = yearItems
        var h = Hasher()
        for year in library.years {
            h.combine(year.year)
            for month in year.months {
                h.combine(month.month)
                h.combine(month.articles.count)
                for i in month.articles { h.combine(cards[i]) }
            }
        }
        archive = h.finalize()
    }
}

extension PageJob {
    /// The page's path below the output folder, without rendering it; the same path
    /// `PageRenderer.render` returns (a test holds the two together).
    func outputPath(in library: Library) -> String {
        switch self {
        case .home(let page): return Page.path(page.number) + "index.html"
        case .article(let i): return library.articles[i].url + "index.html"
        case .standalone(let i): return library.pages[i].url + "index.html"
        case .termIndex(let kind): return "\(kind)/index.html"
        case let .termList(kind, term, page):
            return "\(kind)/\(Self.terms(kind, library)[term].slug)/" + Page.path(page.number) + "index.html"
        case .archiveIndex: return "archives/index.html"
        case let .archiveYear(year, page): return "archives/\(year)/" + Page.path(page.number) + "index.html"
        case let .archiveMonth(year, month, page):
            return "archives/\(year)/\(PageRenderer.two(month))/" + Page.path(page.number) + "index.html"
        case .search: return "search/index.html"
        case .notFound: return "404.html"
        }
    }

    /// A hash of everything the page shows. Two builds that give a page the same key give
    /// it the same bytes, so the incremental builder renders only pages whose key moved.
    /// This mirrors what `PageRenderer.render` and `ContextBuilder` read; when they read
    /// something new, it must be added here (the incremental-equals-full test catches a miss).
    func key(_ facts: PageFacts) -> Int {
        var h = Hasher()
        h.combine(facts.site)
        let library = facts.library
        switch self {
        case .home(let page):
            combineHome(&h, page: page, facts)
        case .article(let i):
            combineArticle(&h, i, facts)
        case .standalone(let i):
            h.combine(9)
            h.combine(facts.pageSources[i])
            h.combine(facts.images)
        case .termIndex(let kind):
            h.combine(2)
            h.combine(kind)
            h.combine(facts.clouds[kind])
        case let .termList(kind, index, page):
            h.combine(kind)
            combineList(&h, tag: 3, name: facts.termNames[kind]![index], items: Self.terms(kind, library)[index].articles, page: page, facts)
        case .archiveIndex:
            h.combine(4)
            h.combine(facts.archive)
        case let .archiveYear(year, page):
            combineList(&h, tag: 5, name: year, items: facts.yearItems[year]!, page: page, facts)
        case let .archiveMonth(year, month, page):
            let items = library.years.first { $0.year == year }!.months.first { $0.month == month }!.articles
            combineList(&h, tag: 6, name: year * 100 + month, items: items, page: page, facts)
        case .search:
            h.combine(7)
        case .notFound:
            h.combine(8)
            for i in library.articles.indices.prefix(5) { h.combine(facts.cards[i]) }
        }
        return h.finalize()
    }

    /// A home page: its cards; the first also shows the popular articles and the tag cloud.
    private func combineHome(_ h: inout Hasher, page: Page, _ facts: PageFacts) {
        h.combine(0)
        h.combine(page)
        for i in page.items { h.combine(facts.cards[facts.library.homeOrder[i]]) }
        if page.number == 1 {
            for i in facts.popular { h.combine(facts.cards[i]) }
            h.combine(facts.clouds["tags"])
        }
    }

    /// An article page: its source and card, its neighbours' cards and its related articles' cards.
    private func combineArticle(_ h: inout Hasher, _ i: Int, _ facts: PageFacts) {
        h.combine(1)
        h.combine(facts.images)
        h.combine(facts.sources[i])
        h.combine(facts.cards[i])
        h.combine(facts.library.newer(than: i).map { facts.cards[$0] })
        h.combine(facts.library.older(than: i).map { facts.cards[$0] })
        h.combine(facts.related[i].count)
        for r in facts.related[i] { h.combine(facts.cards[r]) }
    }

    private func combineList(_ h: inout Hasher, tag: Int, name: Int, items: [Int], page: Page, _ facts: PageFacts) {
        h.combine(tag)
        h.combine(name)
        h.combine(items.count)
        h.combine(page)
        for i in items[page.items] { h.combine(facts.cards[i]) }
    }

    static func terms(_ kind: String, _ library: Library) -> [Term] {
        switch kind {
        case "tags": return library.tags
        case "categories": return library.categories
        default: return library.authors
        }
    }
}
