import PortfolioContent

/// One output page to render. The set of jobs is a pure function of the library, which
/// lets the preview server re-render only the jobs an edit touches.
public enum PageJob: Sendable, Hashable {
    case home(Page)
    case article(Int)
    /// A standalone page; indexes `library.pages`.
    case standalone(Int)
    /// An index of terms: `tags`, `categories` or `authors`.
    case termIndex(kind: String)
    /// One term's list; `term` indexes the library's terms of that kind.
    case termList(kind: String, term: Int, page: Page)
    case archiveIndex
    case archiveYear(year: Int, page: Page)
    case archiveMonth(year: Int, month: Int, page: Page)
    case search
    case notFound

    /// Every page of the site, in a stable order.
    public static func all(in library: Library) -> [PageJob] {
        let per = library.config.paginate
        var jobs: [PageJob] = Paginator.pages(count: library.articles.count, perPage: per).map { .home($0) }
        jobs += library.articles.indices.map { .article($0) }
        for (kind, terms) in [("tags", library.tags), ("categories", library.categories), ("authors", library.authors)] {
            jobs.append(.termIndex(kind: kind))
            for (i, term) in terms.enumerated() {
                jobs += Paginator.pages(count: term.articles.count, perPage: per).map { .termList(kind: kind, term: i, page: $0) }
            }
        }
        jobs.append(.archiveIndex)
        for year in library.years {
            jobs += Paginator.pages(count: year.count, perPage: per).map { .archiveYear(year: year.year, page: $0) }
            for month in year.months {
                jobs += Paginator.pages(count: month.articles.count, perPage: per)
                    .map { .archiveMonth(year: year.year, month: month.month, page: $0) }
            }
        }
        jobs += library.pages.indices.map { .standalone($0) }
        jobs += [.search, .notFound]
        return jobs
    }

    /// How many entries the page lists (articles or terms), a measure of how long it takes to render.
    public func weight(in library: Library) -> Int {
        switch self {
        case .home(let page): return page.items.count + (page.number == 1 ? library.config.popularCount + library.tags.count : 0)
        case .article: return 1 + library.config.relatedCount
        case .termIndex(let kind): return kind == "tags" ? library.tags.count : kind == "categories" ? library.categories.count : library.authors.count
        case .termList(_, _, let page), .archiveYear(_, let page), .archiveMonth(_, _, let page): return page.items.count
        case .archiveIndex: return library.articles.count
        case .search, .notFound, .standalone: return 1
        }
    }
}
