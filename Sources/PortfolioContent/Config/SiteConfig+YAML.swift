import Foundation
import PortfolioCore
import Yams

extension SiteConfig {
    /// Reads `portfolio.yml` text; wrong types and unknown values are errors at their line,
    /// every one of them reported.
    public init(yaml text: String, path: String) throws(PortfolioErrors) {
        let doc: YAMLDocument
        do throws(PortfolioError) { doc = try YAMLDocument(text, path: path, kind: .config) } catch { throw PortfolioErrors([error]) }
        var config = SiteConfig()
        var reader = ConfigReader(doc: doc)
        config.title = reader.string("title") ?? config.title
        config.description = reader.string("description") ?? config.description
        config.author = reader.string("author") ?? config.author
        config.language = reader.string("language") ?? config.language
        if let url = reader.string("base_url") {
            if Self.isWebAddress(url) { config.baseURL = url.hasSuffix("/") ? url : url + "/" }
            else { reader.fail("base_url", "base_url must be an absolute http:// or https:// address, e.g. https://example.org/") }
        }
        if let zone = reader.string("time_zone") {
            if let tz = DateParser.timeZone(named: zone) { config.timeZone = tz }
            else { reader.fail("time_zone", "unknown time zone `\(zone)` (use +08:00 or Asia/Taipei)") }
        }
        config.paginate = reader.int("paginate", min: 1) ?? config.paginate
        if let style = reader.string("slug_style") {
            if let s = Slug.Style(rawValue: style) { config.slugStyle = s }
            else { reader.fail("slug_style", "slug_style must be `unicode` or `pinyin`") }
        }
        config.summaryLength = reader.int("summary_length", min: 10) ?? config.summaryLength
        config.popularCount = reader.int("popular_count", min: 0) ?? config.popularCount
        config.relatedCount = reader.int("related_count", min: 0) ?? config.relatedCount
        config.unsafeHTML = reader.bool("markdown", "unsafe_html") ?? config.unsafeHTML
        config.tocMinHeadings = reader.int("markdown", "toc_min_headings", min: 1) ?? config.tocMinHeadings
        config.counterEndpoint = reader.string("counter", "endpoint") ?? config.counterEndpoint
        if let groups = reader.node("search", "synonyms") {
            if let seq = groups.sequence { config.synonyms = seq.compactMap(\.stringList).filter { $0.count > 1 } }
            else { reader.fail("synonyms", "search.synonyms must be a list of lists") }
        }
        config.menu = reader.menu()
        config.copyrightText = reader.string("copyright", "text") ?? config.copyrightText
        if let url = reader.string("copyright", "url") {
            if Self.isWebAddress(url) { config.copyrightURL = url }
            else { reader.fail("copyright.url", "copyright.url must be an absolute http:// or https:// address") }
        }
        if let params = doc["params"] { config.params = YAMLValue(params).mapValue }
        if !reader.errors.isEmpty { throw PortfolioErrors(reader.errors) }
        self = config
    }

    /// Whether `text` is an absolute http(s) address with a host.
    public static func isWebAddress(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return false }
        return !(url.host ?? "").isEmpty
    }

    /// Loads `portfolio.yml` from a site folder; a site without one gets the defaults.
    public static func load(siteRoot: URL) throws(PortfolioErrors) -> SiteConfig {
        let url = siteRoot.appendingPathComponent("portfolio.yml")
        guard FileManager.default.fileExists(atPath: url.path) else { return SiteConfig() }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw PortfolioErrors([PortfolioError(.config, "cannot read: \(error.localizedDescription)", at: SourceLocation(path: "portfolio.yml"))])
        }
        return try SiteConfig(yaml: text, path: "portfolio.yml")
    }
}

extension YAMLValue {
    var mapValue: [String: YAMLValue] {
        if case .map(let m) = self { return m }
        return [:]
    }
}

/// Reads typed values from config, collecting errors with their lines.
struct ConfigReader {
    let doc: YAMLDocument
    var errors: [PortfolioError] = []

    func node(_ keys: String...) -> Node? { node(keys) }

    func node(_ keys: [String]) -> Node? {
        var current: Node? = doc.root
        for key in keys { current = current?[key] }
        if case .scalar(let s)? = current, s.style == .plain, current?.isNullValue == true { return nil }
        return current
    }

    mutating func string(_ keys: String...) -> String? {
        guard let n = node(keys) else { return nil }
        guard case .scalar(let s) = n else { fail(keys.joined(separator: "."), "expected text", n); return nil }
        return s.string
    }

    mutating func int(_ keys: String..., min: Int) -> Int? {
        guard let n = node(keys) else { return nil }
        guard let v = n.intValue, v >= min else { fail(keys.joined(separator: "."), "expected a whole number ≥ \(min)", n); return nil }
        return v
    }

    mutating func bool(_ keys: String...) -> Bool? {
        guard let n = node(keys) else { return nil }
        guard let v = n.boolValue else { fail(keys.joined(separator: "."), "expected true or false", n); return nil }
        return v
    }

    /// `menu:`, a list of `{title, url}`; every bad entry is an error at its line.
    mutating func menu() -> [SiteConfig.MenuItem]? {
        guard let node = node("menu") else { return nil }
        guard let entries = node.sequence else { fail("menu", "menu must be a list of {title: 關於, url: about/}", node); return nil }
        var items: [SiteConfig.MenuItem] = []
        for entry in entries {
            guard let title = entry["title"]?.string, !title.isEmpty, let url = entry["url"]?.string,
                  SiteConfig.isWebAddress(url) || !url.contains(":") else {
                fail("menu", "each menu entry needs `title` and `url` (a path such as about/, or an http(s) address)", entry)
                continue
            }
            items.append(SiteConfig.MenuItem(title: title, url: url))
        }
        return items
    }

    mutating func fail(_ key: String, _ message: String, _ at: Node? = nil) {
        errors.append(error(key, message, at))
    }

    func error(_ key: String, _ message: String, _ at: Node? = nil) -> PortfolioError {
        let target = at ?? doc[key.components(separatedBy: ".")[0]]
        return PortfolioError(.config, "\(key): \(message)", at: doc.location(of: target))
    }
}
