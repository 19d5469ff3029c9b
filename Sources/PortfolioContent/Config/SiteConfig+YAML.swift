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
        if let cname = reader.string("cname") {
            if Self.isHostName(cname) { config.cname = cname.lowercased() }
            else { reader.fail("cname", "must be a domain name such as blog.example.org") }
        }
        config.mergeScripts = reader.bool("merge_scripts") ?? config.mergeScripts
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
        config.warnings = Self.warnings(doc, config: config, path: path)
        self = config
    }

    /// Unknown keys (with the nearest known one), a `language` that is not a language
    /// tag, and the placeholder `base_url` that `init` writes.
    static func warnings(_ doc: YAMLDocument, config: SiteConfig, path: String) -> [PortfolioWarning] {
        var out: [PortfolioWarning] = []
        for (key, _) in doc.root.mapping ?? Node.Mapping([]) {
            guard let name = key.string, !knownKeys.contains(name) else { continue }
            out.append(.unknownKey(name, known: knownKeys, at: doc.location(of: key), what: "portfolio.yml"))
        }
        for (section, keys) in knownSectionKeys.sorted(by: { $0.key < $1.key }) {
            guard let mapping = doc[section]?.mapping else { continue }
            for (key, _) in mapping {
                guard let name = key.string, !keys.contains(name) else { continue }
                out.append(.unknownKey("\(section).\(name)", known: keys.map { "\(section).\($0)" },
                                       at: doc.location(of: key), what: "portfolio.yml"))
            }
        }
        if !isLanguageTag(config.language) {
            out.append(PortfolioWarning("language `\(config.language)` is not a language tag such as zh-Hant, zh-TW, zh-Hans or en",
                                        at: doc.location(of: doc["language"])))
        }
        if config.baseURL == placeholderBaseURL {
            out.append(PortfolioWarning("base_url is still the placeholder \(placeholderBaseURL); set it to the site's address before publishing",
                                        at: doc.location(of: doc["base_url"])))
        }
        return out
    }

    /// A BCP 47 tag's shape: a 2–3 letter language, then subtags of 2–8 letters or digits.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// Whether `text` is an absolute http(s) address with a host.
    public static func isWebAddress(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return false }
        return !(url.host ?? "").isEmpty
    }

    /// Whether `text` is a domain name: dot-separated labels of letters, digits and `-`.
    static func isHostName(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return text.count <= 253 && labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
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
