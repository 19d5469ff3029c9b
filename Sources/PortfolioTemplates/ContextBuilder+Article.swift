import Foundation
import PortfolioContent
import PortfolioCore

extension ContextBuilder {
    /// Everything the article template shows for article `index`.
    public func article(_ index: Int) -> Context {
        let a = library.articles[index]
        var ctx = cards[index]
        ctx["content"] = .init(a.html)
        // Not on the card: a card changes only with front matter, so a body edit re-renders one page.
        ctx["han_count"] = .init(a.hanCount)
        let language = Script.looksSimplified(a.plainText) ? "zh-Hans" : library.config.language
        ctx["language"] = .init(language)
        let toc = a.headings.filter { $0.level >= 2 && $0.level <= 4 }
        ctx["has_toc"] = .init(toc.count >= library.config.tocMinHeadings)
        ctx["toc"] = .list(toc.map { ["level": .init($0.level), "text": .init($0.text), "anchor": .init($0.anchor)] })
        // A source the body already links to (an imported link-only post) is shown once, there.
        if let source = a.source, Self.isSafeLink(source), !a.html.contains("href=\"\(Escape.html(source))\"") {
            ctx["source"] = .init(source)
            ctx["source_display"] = .init(Self.displayLink(source))
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
        let canonical = links.absolute(a.url)
        ctx["share"] = Self.shareLinks(title: a.title, url: canonical)
        page["page"]?["og_type"] = "article"
        page["page"]?["published_iso"] = ctx["date_iso"]
        page["page"]?["modified_iso"] = .init(dates.iso(a.updated ?? a.date))
        page["page"]?["tags"] = ctx["tags"]
        page["page"]?["json_ld"] = .init(jsonLD(a, canonical: canonical, language: language))
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
