import Foundation
import PortfolioCore

extension Library {
    /// The library with published article `index` replaced by `article`, when the
    /// replacement keeps every article in its place: same date and draft flag, and a new
    /// slug only if no other article has it and it keeps the article's place among articles
    /// of the same date. Order and archives stay as they are; tags, categories and authors
    /// are updated only for the names the article gained or lost, so the preview server
    /// need not build the library again after an edit of an article's text, title or terms.
    /// Nil when the library must be built afresh.
    public func replacing(_ index: Int, with article: Article) -> Library? {
        guard articles.indices.contains(index) else { return nil }
        let old = articles[index]
        guard old.date == article.date, old.draft == article.draft else { return nil }
        if old.slug != article.slug {
            func before(_ a: Article, _ b: Article) -> Bool { a.date != b.date ? a.date > b.date : a.slug < b.slug }
            guard index == 0 || before(articles[index - 1], article), index == articles.count - 1 || before(article, articles[index + 1]),
                  !articles.contains(where: { $0.slug == article.slug }) else { return nil }
        }
        var replaced = articles
        replaced[index] = article
        var slugs = termSlugs
        for name in article.tags + article.categories + [article.author] where slugs[name] == nil {
            slugs[name] = Slug.make(name, style: config.slugStyle)
        }
        var tags = self.tags, categories = self.categories, authors = self.authors
        if old.tags != article.tags {
            tags = Self.terms(tags, moving: index, from: old.tags, to: article.tags, in: replaced, slugs: slugs) { $0.tags }
        }
        if old.categories != article.categories {
            categories = Self.terms(categories, moving: index, from: old.categories, to: article.categories, in: replaced, slugs: slugs) {
                $0.categories
            }
        }
        if old.author != article.author {
            authors = Self.terms(authors, moving: index, from: [old.author], to: [article.author], in: replaced, slugs: slugs) { [$0.author] }
        }
        let bySlug = old.tags == article.tags ? tagsBySlug : Dictionary(uniqueKeysWithValues: tags.map { ($0.slug, $0) })
        return Library(config: config, articles: replaced, tags: tags, tagsBySlug: bySlug, categories: categories,
                       authors: authors, termSlugs: slugs, years: years)
    }

    private init(config: SiteConfig, articles: [Article], tags: [Term], tagsBySlug: [String: Term], categories: [Term],
                 authors: [Term], termSlugs: [String: String], years: [ArchiveYear]) {
        self.config = config
        self.articles = articles
        self.tags = tags
        self.tagsBySlug = tagsBySlug
        self.categories = categories
        self.authors = authors
        self.termSlugs = termSlugs
        self.years = years
    }
}
