/// One article as the search index sees it: plain text in, no markup.
public struct SearchDocument: Sendable {
    /// Article slug, unique.
    public var id: String
    /// Site-relative path without a leading slash, e.g. `posts/stp/`.
    public var url: String
    public var title: String
    public var tags: [String]
    public var categories: [String]
    /// Display date, e.g. `2019-12-09`.
    public var date: String
    /// Seconds since 1970, for sorting by date.
    public var timestamp: Int
    public var views: Int
    public var summary: String
    /// Plain text of the article (no markup).
    public var body: String

    public init(id: String, url: String, title: String, tags: [String] = [], categories: [String] = [],
                date: String = "", timestamp: Int = 0, views: Int = 0, summary: String = "", body: String = "") {
        self.id = id
        self.url = url
        self.title = title
        self.tags = tags
        self.categories = categories
        self.date = date
        self.timestamp = timestamp
        self.views = views
        self.summary = summary
        self.body = body
    }
}

/// Settings of the index.
public struct SearchOptions: Sendable {
    /// Groups of terms that find each other, e.g. `[["行銷", "营销", "營銷"], ["通路", "渠道"]]`.
    /// Members are normalised (so `營銷` and `营销` are one member); groups left with fewer
    /// than two members are dropped.
    public var synonyms: [[String]]

    public init(synonyms: [[String]] = []) {
        self.synonyms = synonyms
    }
}
