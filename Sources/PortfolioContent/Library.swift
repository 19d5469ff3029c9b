import Foundation
import PortfolioCore

/// All published articles of a site, with taxonomies and archives. Pure: built from
/// values, returns values.
public struct Library: Sendable {
    public let config: SiteConfig
    /// Published articles, newest first (ties broken by slug, so order is stable).
    public internal(set) var articles: [Article]
    /// Standalone pages (`Article.isPage`), by slug. They are in no list, feed, archive,
    /// taxonomy or search index; each is one page at `/<slug>/`.
    public let pages: [Article]
    /// The articles' order on the home page: pinned ones first, each part newest first.
    public let homeOrder: [Int]
    public internal(set) var tags: [Term]
    /// Tags by slug.
    public internal(set) var tagsBySlug: [String: Term]
    public internal(set) var categories: [Term]
    public internal(set) var authors: [Term]
    /// The slug of every tag, category and author name, made once.
    var termSlugs: [UTF8Key: String]
    /// Newest year first.
    public let years: [ArchiveYear]
    /// The articles of every pair of tags, for `related(to:count:)`.
    var tagPairs: TagPairs

    /// Which articles a build includes.
    public struct Selection: Sendable {
        public var drafts = false
        public var future = false
        /// "Now", for deciding what is in the future.
        public var now = Date()
        public init(drafts: Bool = false, future: Bool = false, now: Date = Date()) {
            self.drafts = drafts
            self.future = future
            self.now = now
        }
    }

    /// Builds the library from loaded articles; drafts and future articles are left out
    /// unless the selection asks for them. Two articles with one slug are an error.
    /// The articles `selection` publishes, newest first (by slug within a date).
    public static func select(_ all: [Article], _ selection: Selection) -> [Article] {
        // Positions are filtered and sorted, and the articles copied once, in order: an
        // article is a large value, and sorting the articles themselves moves them all.
        let order = all.indices.filter { (selection.drafts || !all[$0].draft) && (selection.future || all[$0].date <= selection.now) }
            .sorted { a, b in all[a].date != all[b].date ? all[a].date > all[b].date : all[a].slug < all[b].slug }
        return order.map { all[$0] }
    }

    /// An error for every article whose slug an earlier one in `articles` has, at the line
    /// the slug comes from.
    public static func slugConflicts(_ articles: [Article]) -> [PortfolioError] {
        // Slugs are keyed by their bytes: hashing Chinese text as `String` is slow.
        var owners: [UTF8Key: String] = [:]
        owners.reserveCapacity(articles.count)
        var errors: [PortfolioError] = []
        for article in articles {
            if let other = owners[UTF8Key(article.slug)] {
                errors.append(PortfolioError(.frontMatter, "slug `\(article.slug)` is also used by \(other); set a different `slug:`",
                                             at: SourceLocation(path: article.sourcePath, line: article.lines.slug)))
            } else {
                owners[UTF8Key(article.slug)] = article.sourcePath
            }
        }
        return errors
    }

    /// First path segments of the site's own pages and files, which a standalone page's
    /// slug may not take.
    public static let reservedSlugs: Set<String> = [
        "posts", "tags", "categories", "authors", "archives", "search", "page", "assets",
        "feed.xml", "sitemap.xml", "robots.txt", "404.html", "index.html",
    ]

    /// An error for every standalone page whose slug is one the site uses itself.
    static func reservedConflicts(_ pages: [Article]) -> [PortfolioError] {
        pages.filter { reservedSlugs.contains($0.slug.lowercased()) }.map { page in
            PortfolioError(.frontMatter, "page slug `\(page.slug)` is the site's own /\(page.slug)/; set a different `slug:`",
                           at: SourceLocation(path: page.sourcePath, line: page.lines.slug))
        }
    }

    public init(articles all: [Article], config: SiteConfig, selection: Selection = Selection()) throws(PortfolioErrors) {
        self.config = config
        let selected = Self.select(all, selection)
        let sorted = selected.filter { !$0.isPage }
        let pages = selected.filter(\.isPage).sorted { $0.slug < $1.slug }
        let errors = Self.slugConflicts(sorted) + Self.slugConflicts(pages) + Self.reservedConflicts(pages)
        if !errors.isEmpty { throw PortfolioErrors(errors) }
        articles = sorted
        self.pages = pages
        homeOrder = sorted.indices.filter { sorted[$0].pinned } + sorted.indices.filter { !sorted[$0].pinned }
        var slugs: [UTF8Key: String] = [:]
        func add(_ name: String) {
            if slugs[UTF8Key(name)] == nil { slugs[UTF8Key(name)] = Slug.make(name, style: config.slugStyle) }
        }
        for article in sorted {
            for name in article.tags { add(name) }
            for name in article.categories { add(name) }
            add(article.author)
        }
        termSlugs = slugs
        let parts = Self.parts(sorted, slugs: slugs, config: config)
        (tags, tagPairs) = (parts.tags, parts.tagPairs)
        tagsBySlug = Dictionary(uniqueKeysWithValues: tags.map { ($0.slug, $0) })
        (categories, authors, years) = (parts.categories, parts.authors, parts.years)
    }

    /// Taxonomies, tag pairs and archives, which do not depend on each other: made in
    /// three tasks at once, since the library step otherwise runs on one core.
    private static func parts(_ articles: [Article], slugs: [UTF8Key: String], config: SiteConfig)
        -> (tags: [Term], tagPairs: TagPairs, categories: [Term], authors: [Term], years: [ArchiveYear]) {
        enum Part: Sendable {
            case tags([Term], TagPairs)
            case names([Term], [Term])
            case years([ArchiveYear])
        }
        let parts = Parallel.map([0, 1, 2]) { task -> Part in
            switch task {
            case 0:
                let tags = terms(articles, slugs: slugs) { $0.tags }
                return .tags(tags, tagPairs(articles, tags: tags, slugs: slugs, style: config.slugStyle))
            case 1:
                return .names(terms(articles, slugs: slugs) { $0.categories }, terms(articles, slugs: slugs) { [$0.author] })
            default:
                return .years(archives(articles, dates: DateFormatting(timeZone: config.timeZone)))
            }
        }
        guard case let .tags(tags, pairs) = parts[0], case let .names(categories, authors) = parts[1],
              case let .years(years) = parts[2] else { preconditionFailure("parts come back in task order") }
        return (tags, pairs, categories, authors, years)
    }

    /// The tag pairs of `articles`, with slugs as `slug(for:)` makes them.
    static func tagPairs(_ articles: [Article], tags: [Term], slugs: [UTF8Key: String], style: Slug.Style) -> TagPairs {
        var bySlug: [UTF8Key: Int] = [:]
        for (p, term) in tags.enumerated() { bySlug[UTF8Key(term.slug)] = p }
        // By name: one lookup per tag of every article instead of two.
        var byName: [UTF8Key: Int] = [:]
        for (name, slug) in slugs { byName[name] = bySlug[UTF8Key(slug)] }
        // A name `slugs` does not know gets its slug as `slug(for:)` makes it.
        return TagPairs(articles: articles, tags: tags) { byName[UTF8Key($0)] ?? bySlug[UTF8Key(Slug.make($0, style: style))] }
    }

    /// Groups articles by the slug of each name they carry; terms sorted by name.
    static func terms(_ articles: [Article], slugs: [UTF8Key: String], names: (Article) -> [String]) -> [Term] {
        // Each name is hashed once per article; its term and spelling count live in arrays.
        var nameIDs: [UTF8Key: Int] = [:], spellings: [(name: String, term: Int, count: Int)] = []
        var termIDs: [String: Int] = [:], terms: [(slug: String, articles: [Int])] = []
        for (index, article) in articles.enumerated() {
            for name in names(article) {
                let id: Int
                if let known = nameIDs[UTF8Key(name)] { id = known } else {
                    let slug = slugs[UTF8Key(name)]!
                    let term = termIDs[slug] ?? terms.count
                    if term == terms.count { termIDs[slug] = term; terms.append((slug, [])) }
                    id = spellings.count
                    nameIDs[UTF8Key(name)] = id
                    spellings.append((name, term, 0))
                }
                spellings[id].count += 1
                let term = spellings[id].term
                if terms[term].articles.last != index { terms[term].articles.append(index) }
            }
        }
        var byTerm = [[String: Int]](repeating: [:], count: terms.count)
        for spelling in spellings { byTerm[spelling.term][spelling.name] = spelling.count }
        return terms.indices.map { Term(name: commonest(byTerm[$0]), slug: terms[$0].slug, articles: terms[$0].articles) }
            .sorted(by: termOrder)
    }

    static func archives(_ articles: [Article], dates: DateFormatting) -> [ArchiveYear] {
        var years: [Int: [Int: [Int]]] = [:]
        for (index, article) in articles.enumerated() {
            let p = dates.parts(article.date)
            years[p.year, default: [:]][p.month, default: []].append(index)
        }
        return years.keys.sorted(by: >).map { year in
            let months = years[year]!
            return ArchiveYear(year: year, months: months.keys.sorted(by: >).map { ArchiveMonth(month: $0, articles: months[$0]!) })
        }
    }
}
