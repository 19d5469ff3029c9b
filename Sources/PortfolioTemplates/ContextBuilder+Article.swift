import Foundation
import PortfolioContent
import PortfolioCore

extension ContextBuilder {
    /// Everything the article template shows for article `index`.
    public func article(_ index: Int) -> Context {
        let a = library.articles[index]
        var ctx = cards[index]
        ctx["content"] = .init(a.html)
        ctx["language"] = .init(Script.looksSimplified(a.plainText) ? "zh-Hans" : library.config.language)
        let toc = a.headings.filter { $0.level >= 2 && $0.level <= 4 }
        ctx["has_toc"] = .init(toc.count >= library.config.tocMinHeadings)
        ctx["toc"] = .list(toc.map { ["level": .init($0.level), "text": .init($0.text), "anchor": .init($0.anchor)] })
        if let source = a.source, Self.isSafeLink(source) {
            ctx["source"] = .init(source)
            // Shown decoded: `%E6%96%87` reads 文 to a person.
            ctx["source_text"] = .init(source.removingPercentEncoding ?? source)
        }
        if let i = library.newer(than: index) { ctx["newer"] = neighbour(i) }
        if let i = library.older(than: index) { ctx["older"] = neighbour(i) }
        let related = library.related(to: index, count: library.config.relatedCount)
        ctx["has_related"] = .init(!related.isEmpty)
        ctx["related"] = cards(related)
        if let updated = a.updated {
            ctx["updated_iso"] = .init(dates.iso(updated))
            ctx["updated_day"] = .init(dates.day(updated))
        }
        var page = self.page(kind: "article", title: a.title, url: a.url, description: a.summary)
        page["article"] = .map(ctx)
        return page
    }

    private func neighbour(_ index: Int) -> TemplateValue {
        ["title": .init(library.articles[index].title), "url": cards[index]["url"]!]
    }

    /// Only http(s) and relative links may be shown as a source; `javascript:` and the like are dropped.
    static func isSafeLink(_ link: String) -> Bool {
        let lower = link.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("/") { return true }
        return !lower.contains(":")
    }
}
