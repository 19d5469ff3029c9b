import PortfolioContent
import PortfolioCore
import PortfolioCounter

extension Site {
    /// The counter manifest file (`counter.json`): every article's id, baseline and old ids,
    /// in library order, and the site's origin.
    func counterManifestFile() -> [UInt8] {
        let entries = library.articles.map { article in
            CounterManifest.Entry(id: article.slug, views: article.views, oldIDs: Self.oldIDs(of: article))
        }
        return CounterManifest.json(entries, origin: Self.origin(of: library.config.baseURL))
    }

    /// The ids an article had before, from the last segment of each alias.
    static func oldIDs(of article: Article) -> [String] {
        var seen: Set<String> = [article.slug]
        return article.aliases.compactMap(CounterManifest.oldID(fromAlias:)).filter { seen.insert($0).inserted }
    }

    /// `https://example.com` of `https://example.com/blog/`; nil for a base URL without a host.
    public static func origin(of baseURL: String) -> String? {
        guard let scheme = baseURL.range(of: "://") else { return nil }
        let rest = baseURL[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : (baseURL[..<scheme.upperBound] + host).lowercased()
    }
}

extension CounterManifest {
    /// The manifest of a library, as the preview loads it after each build: the baselines
    /// are given (the preview keeps them up to date), the old ids are read from the
    /// articles that have aliases.
    public init(library: Library, baselines: [String: Int]) {
        var oldIDs: [String: [String]] = [:]
        for article in library.articles where !article.aliases.isEmpty {
            let ids = Site.oldIDs(of: article)
            if !ids.isEmpty { oldIDs[article.slug] = ids }
        }
        self.init(baselines: baselines, oldIDs: oldIDs, origin: Site.origin(of: library.config.baseURL))
    }
}
