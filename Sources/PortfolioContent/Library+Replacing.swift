import Foundation
import PortfolioCore

extension Library {
    /// The library with published article `index` replaced by `article`, when the
    /// replacement changes nothing the library is built from (date, tags, categories,
    /// author, draft; a new slug only if no other article has it and it keeps the article's
    /// place among articles of the same date): order, taxonomies and archives stay as they
    /// are, so the preview server need not build them again after an edit of an article's
    /// text or title. Nil when the library must be built afresh.
    public func replacing(_ index: Int, with article: Article) -> Library? {
        guard articles.indices.contains(index) else { return nil }
        let old = articles[index]
        guard old.date == article.date, old.tags == article.tags, old.categories == article.categories,
              old.author == article.author, old.draft == article.draft else { return nil }
        if old.slug != article.slug {
            func before(_ a: Article, _ b: Article) -> Bool { a.date != b.date ? a.date > b.date : a.slug < b.slug }
            guard index == 0 || before(articles[index - 1], article), index == articles.count - 1 || before(article, articles[index + 1]),
                  !articles.contains(where: { $0.slug == article.slug }) else { return nil }
        }
        var replaced = articles
        replaced[index] = article
        return Library(config: config, articles: replaced, tags: tags, tagsBySlug: tagsBySlug, categories: categories,
                       authors: authors, termSlugs: termSlugs, years: years)
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
