import Foundation
import PortfolioCore

/// All published articles of a site, with taxonomies and archives. Pure: built from
/// values, returns values.
public struct Library: Sendable {
    public let config: SiteConfig
    /// Published articles, newest first (ties broken by slug, so order is stable).
    public internal(set) var articles: [Article]
    public internal(set) var tags: [Term]
    /// Tags by slug.
    public internal(set) var tagsBySlug: [String: Term]
    public internal(set) var categories: [Term]
    public internal(set) var authors: [Term]
    /// The slug of every tag, category and author name, made once.
    public internal(set) var termSlugs: [String: String]
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
    public init(articles all: [Article], config: SiteConfig, selection: Selection = Selection()) throws(PortfolioErrors) {
        self.config = config
        let published = all.filter { (selection.drafts || !$0.draft) && (selection.future || $0.date <= selection.now) }
        let sorted = published.sorted { a, b in
            a.date != b.date ? a.date > b.date : a.slug < b.slug
        }
        var owners: [String: String] = [:]
        var errors: [PortfolioError] = []
        for article in sorted {
            if let other = owners[article.slug] {
                errors.append(PortfolioError(.frontMatter, "slug `\(article.slug)` is also used by \(other); set a different `slug:`",
                                             at: SourceLocation(path: article.sourcePath)))
            } else {
                owners[article.slug] = article.sourcePath
            }
        }
        if !errors.isEmpty { throw PortfolioErrors(errors) }
        articles = sorted
        var slugs: [String: String] = [:]
        for article in sorted {
            for name in article.tags + article.categories + [article.author] where slugs[name] == nil {
                slugs[name] = Slug.make(name, style: config.slugStyle)
            }
        }
        termSlugs = slugs
        tags = Self.terms(sorted, slugs: slugs) { $0.tags }
        tagsBySlug = Dictionary(uniqueKeysWithValues: tags.map { ($0.slug, $0) })
        categories = Self.terms(sorted, slugs: slugs) { $0.categories }
        authors = Self.terms(sorted, slugs: slugs) { [$0.author] }
        years = Self.archives(sorted, dates: DateFormatting(timeZone: config.timeZone))
        tagPairs = Self.tagPairs(sorted, tags: tags, slugs: slugs, style: config.slugStyle)
    }

    /// The tag pairs of `articles`, with slugs as `slug(for:)` makes them.
    static func tagPairs(_ articles: [Article], tags: [Term], slugs: [String: String], style: Slug.Style) -> TagPairs {
        var bySlug: [String: Int] = [:]
        for (p, term) in tags.enumerated() { bySlug[term.slug] = p }
        // By name: one lookup per tag of every article instead of two.
        var byName: [String: Int] = [:]
        for (name, slug) in slugs { byName[name] = bySlug[slug] }
        return TagPairs(articles: articles, tags: tags) { byName[$0] ?? bySlug[slugs[$0] ?? Slug.make($0, style: style)] }
    }

    /// Groups articles by the slug of each name they carry; terms sorted by name.
    static func terms(_ articles: [Article], slugs: [String: String], names: (Article) -> [String]) -> [Term] {
        var bySlug: [String: (spellings: [String: Int], articles: [Int])] = [:]
        for (index, article) in articles.enumerated() {
            for name in names(article) {
                let slug = slugs[name]!
                var entry = bySlug[slug] ?? ([:], [])
                entry.spellings[name, default: 0] += 1
                if entry.articles.last != index { entry.articles.append(index) }
                bySlug[slug] = entry
            }
        }
        return bySlug.map { slug, entry in Term(name: commonest(entry.spellings), slug: slug, articles: entry.articles) }
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
