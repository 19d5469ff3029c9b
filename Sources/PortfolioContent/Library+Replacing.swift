import Foundation
import PortfolioCore

extension Library {
    /// Replaces published article `index` by `article` when the replacement keeps every
    /// article in its place: same date, draft and pinned flags, still an article, and a new slug only if no other
    /// article has it and it keeps the article's place among articles of the same date.
    /// Order and archives stay as they are; tags, categories and authors are updated only
    /// for the names the article gained or lost, so the preview server need not build the
    /// library again after an edit of an article's text, title or terms. Returns false, and
    /// changes nothing, when the library must be built afresh.
    public mutating func replace(_ index: Int, with article: Article) -> Bool {
        guard articles.indices.contains(index) else { return false }
        let old = articles[index]
        guard old.date == article.date, old.draft == article.draft, old.pinned == article.pinned, !article.isPage else { return false }
        if old.slug != article.slug {
            func before(_ a: Article, _ b: Article) -> Bool { a.date != b.date ? a.date > b.date : a.slug < b.slug }
            guard index == 0 || before(articles[index - 1], article), index == articles.count - 1 || before(article, articles[index + 1]),
                  !articles.contains(where: { $0.slug == article.slug }) else { return false }
        }
        articles[index] = article
        for name in article.tags + article.categories + [article.author] where termSlugs[UTF8Key(name)] == nil {
            termSlugs[UTF8Key(name)] = Slug.make(name, style: config.slugStyle)
        }
        if old.tags != article.tags {
            tags = Self.terms(tags, moving: index, from: old.tags, to: article.tags, in: articles, slugs: termSlugs) { $0.tags }
            tagsBySlug = Dictionary(uniqueKeysWithValues: tags.map { ($0.slug, $0) })
            tagPairs = Self.tagPairs(articles, tags: tags, slugs: termSlugs, style: config.slugStyle)
        }
        if old.categories != article.categories {
            categories = Self.terms(categories, moving: index, from: old.categories, to: article.categories, in: articles,
                                    slugs: termSlugs) { $0.categories }
        }
        if old.author != article.author {
            authors = Self.terms(authors, moving: index, from: [old.author], to: [article.author], in: articles, slugs: termSlugs) {
                [$0.author]
            }
        }
        return true
    }
}
