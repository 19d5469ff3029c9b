import Foundation
import PortfolioContent
import PortfolioCore

extension IncrementalBuilder {
    /// The library for this build. When the edits since the last good build kept every
    /// published article in its place (see `Library.replace`; articles left out before and
    /// after may change too), it is the last library with those articles replaced, and
    /// `edit` tells what they were; otherwise it is built afresh and `edit` is nil.
    func nextLibrary(at now: Date) throws(PortfolioErrors) -> (Library, edit: LibraryEdit?) {
        if let edits = textEdits(at: now), var library = siteState.library {
            // Held only here, the articles are replaced in place instead of copied (ten thousand copies cost milliseconds).
            siteState.library = nil
            var edit = LibraryEdit(library)
            for (index, article) in edits where !edit.replace(index, with: article, in: &library) { break }
            if edit.indexes.count == edits.count { return (library, edit) }
            edit.undo(in: &library)
            siteState.library = library
        }
        let articles = content.loaded().articles
        let selection = Library.Selection(drafts: options.drafts, future: options.future, now: now)
        let library: Library
        do throws(PortfolioErrors) { library = try Library(articles: articles, config: settings.config, selection: selection) } catch {
            throw PortfolioErrors(error.errors.map { $0.inStep("library") })
        }
        siteState.nextDue = nil
        for i in articles.indices where waitsForTime(articles[i], now: now) {
            siteState.nextDue = min(siteState.nextDue ?? articles[i].date, articles[i].date)
        }
        return (library, nil)
    }

    /// The edited published articles (index, new version), when every change since the
    /// last good build is an edit of such an article that keeps it published, or of an
    /// article that is left out before and after; nil when the library may change otherwise.
    private func textEdits(at now: Date) -> [(Int, Article)]? {
        guard siteState.complete, siteState.library != nil, siteState.nextDue.map({ now < $0 }) ?? true else { return nil }
        var edits: [(Int, Article)] = []
        for path in pending.sorted() {
            let index = siteState.indexByPath[path]
            guard let article = content.article(path) else {
                if index != nil { return nil }
                continue
            }
            let included = (options.drafts || !article.draft) && (options.future || article.date <= now)
            switch (index, included) {
            case (let i?, true):
                edits.append((i, article))
            case (nil, false):
                if waitsForTime(article, now: now) { siteState.nextDue = min(siteState.nextDue ?? article.date, article.date) }
            default:
                return nil
            }
        }
        return edits
    }

    /// Whether an article is left out only because it is dated after `now`.
    private func waitsForTime(_ article: Article, now: Date) -> Bool {
        !options.future && (options.drafts || !article.draft) && article.date > now
    }
}
