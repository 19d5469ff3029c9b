import Foundation
import PortfolioContent
import PortfolioCore

extension ContextBuilder {
    /// The default header menu, when the config has none.
    static let defaultMenu = [
        SiteConfig.MenuItem(title: "標籤", url: "tags/"), SiteConfig.MenuItem(title: "分類", url: "categories/"),
        SiteConfig.MenuItem(title: "彙整", url: "archives/"), SiteConfig.MenuItem(title: "作者", url: "authors/"),
    ]

    /// The menu with each link as pages use it: a site path below the root, or an address as written.
    static func menu(_ config: SiteConfig, links: SiteLinks) -> [SiteConfig.MenuItem] {
        (config.menu ?? defaultMenu).map { item in
            if SiteConfig.isWebAddress(item.url) { return item }
            let path = item.url.drop { $0 == "/" }
            return SiteConfig.MenuItem(title: item.title, url: links.root + SiteLinks.encode(String(path).removingPercentEncoding ?? String(path)))
        }
    }

    /// The footer's years: `2016–2021` from the oldest article to the newest, or one year.
    static func years(_ library: Library, dates: DateFormatting, now: Date) -> String {
        let newest = library.articles.first.map { dates.parts($0.date).year } ?? dates.parts(now).year
        let oldest = library.articles.last.map { dates.parts($0.date).year } ?? newest
        return oldest < newest ? "\(oldest)–\(newest)" : "\(newest)"
    }

    /// The Open Graph locale of a BCP 47 language: `zh-Hant` → `zh_TW`, `zh-Hans` → `zh_CN`.
    static func locale(_ language: String) -> String {
        switch language.lowercased() {
        case "zh-hant", "zh-tw", "zh-hant-tw": return "zh_TW"
        case "zh-hant-hk", "zh-hk": return "zh_HK"
        case "zh-hans", "zh-cn", "zh-hans-cn", "zh": return "zh_CN"
        default: return language.replacingOccurrences(of: "-", with: "_")
        }
    }

    /// Plain share links (no scripts of theirs): name and address.
    static func shareLinks(title: String, url: String) -> TemplateValue {
        let t = queryValue(title), u = queryValue(url)
        let links = [
            ("X", "https://twitter.com/intent/tweet?text=\(t)&url=\(u)"),
            ("Facebook", "https://www.facebook.com/sharer/sharer.php?u=\(u)"),
            ("LINE", "https://social-plugins.line.me/lineit/share?url=\(u)"),
            ("微博", "https://service.weibo.com/share/share.php?url=\(u)&title=\(t)"),
            ("Email", "mailto:?subject=\(t)&body=\(u)"),
        ]
        return .list(links.map { ["name": .init($0.0), "url": .init($0.1)] })
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `text` percent-encoded for a query value.
    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// A link as a reader reads it: percent-escapes decoded (`Singles%27_Day` → `Singles'_Day`).
    static func displayLink(_ link: String) -> String {
        link.removingPercentEncoding ?? link
    }

    /// JSON-LD `BlogPosting` of an article, safe inside `<script>` (every string escapes `<`, `>` and `&`).
    func jsonLD(_ a: Article, canonical: String, language: String) -> String {
        func s(_ text: String) -> String { Escape.jsonString(text) }
        var fields = [
            "\"@context\":\"https://schema.org\"", "\"@type\":\"BlogPosting\"", "\"headline\":\(s(a.title))",
            "\"datePublished\":\(s(dates.iso(a.date)))", "\"dateModified\":\(s(dates.iso(a.updated ?? a.date)))",
            "\"author\":{\"@type\":\"Person\",\"name\":\(s(a.author))}",
            "\"publisher\":{\"@type\":\"Organization\",\"name\":\(s(library.config.title))}",
            "\"mainEntityOfPage\":\(s(canonical))", "\"url\":\(s(canonical))", "\"inLanguage\":\(s(language))",
            "\"description\":\(s(a.summary))", "\"wordCount\":\(a.wordCount)",
        ]
        if !a.tags.isEmpty { fields.append("\"keywords\":\(s(a.tags.joined(separator: ",")))") }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// Everything the page template shows for standalone page `index` (`library.pages`).
    public func standalone(_ index: Int) -> Context {
        let p = library.pages[index]
        let language = Script.looksSimplified(p.plainText) ? "zh-Hans" : library.config.language
        var ctx: Context = [
            "title": .init(p.title), "content": .init(p.html), "language": .init(language), "summary": .init(p.summary),
            "params": TemplateValue(YAMLValue.map(p.params)), "han_count": .init(p.hanCount),
        ]
        if let updated = p.updated {
            ctx["updated_iso"] = .init(dates.iso(updated))
            ctx["updated_day"] = .init(dates.day(updated))
        }
        var page = self.page(kind: "page", title: p.title, url: p.url, description: p.summary)
        page["article"] = .map(ctx)
        return page
    }
}
