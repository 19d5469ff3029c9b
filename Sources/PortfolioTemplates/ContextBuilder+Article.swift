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
        if let source = a.source, Self.isSafeLink(source) { ctx["source"] = .init(source) }
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

/// Tells Simplified from Traditional Chinese text by characters only one script uses.
enum Script {
    static let simplifiedOnly = "们这说为与体验实关系网点产费应时么从个来对过还让营销会购经济务电门问间现发动开业"
    static let traditionalOnly = "們這說為與體驗實關係網點產費應時麼從個來對過還讓營銷會購經濟務電門問間現發動開業"
    static let firstHan: UInt32 = 0x4E00, lastHan: UInt32 = 0x9FFF
    /// +1 for a Simplified-only character, -1 for a Traditional-only one, by code point
    /// from U+4E00; a table lookup keeps this cheap on every article page.
    static let marks: [Int8] = {
        var table = [Int8](repeating: 0, count: Int(lastHan - firstHan + 1))
        for s in simplifiedOnly.unicodeScalars { table[Int(s.value - firstHan)] = 1 }
        for s in traditionalOnly.unicodeScalars { table[Int(s.value - firstHan)] = -1 }
        return table
    }()

    static func looksSimplified(_ text: String) -> Bool {
        var simplified = 0, traditional = 0, seen = 0
        for scalar in text.unicodeScalars where scalar.value >= firstHan {
            if scalar.value <= lastHan {
                let mark = marks[Int(scalar.value - firstHan)]
                if mark > 0 { simplified += 1 } else if mark < 0 { traditional += 1 }
            }
            seen += 1
            if seen > 1500 { break }
        }
        return simplified > traditional * 2 && simplified >= 3
    }
}
