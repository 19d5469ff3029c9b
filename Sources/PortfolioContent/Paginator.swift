/// One page of a paginated list.
public struct Page: Sendable, Hashable {
    /// 1-based page number.
    public var number: Int
    public var total: Int
    /// Range of the list's items on this page.
    public var items: Range<Int>

    /// The page's URL path below the list's own path: `""` for page 1, `page/N/` after.
    public static func path(_ number: Int) -> String {
        number <= 1 ? "" : "page/\(number)/"
    }
}

/// Splits a list into pages; an empty list still has one (empty) page.
public enum Paginator {
    public static func pages(count: Int, perPage: Int) -> [Page] {
        let size = max(1, perPage)
        let total = max(1, (count + size - 1) / size)
        return (1...total).map { n in
            Page(number: n, total: total, items: min(count, (n - 1) * size)..<min(count, n * size))
        }
    }
}
