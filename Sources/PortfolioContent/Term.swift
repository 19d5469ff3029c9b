/// A tag, category or author, with the articles that carry it (newest first).
public struct Term: Sendable, Hashable {
    /// The name as the writer spelled it most often.
    public var name: String
    /// The URL slug.
    public var slug: String
    /// Indexes into `Library.articles`, in the library's order.
    public var articles: [Int]
}

/// Articles of one month of one year.
public struct ArchiveMonth: Sendable, Hashable {
    public var month: Int
    public var articles: [Int]
}

/// Articles of one year, by month (newest first).
public struct ArchiveYear: Sendable, Hashable {
    public var year: Int
    public var months: [ArchiveMonth]
    public var count: Int { months.reduce(0) { $0 + $1.articles.count } }
}
