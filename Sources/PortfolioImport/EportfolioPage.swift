/// A saved ePortfolio page: the breadcrumb and the posts it lists (newest first).
public struct EportfolioPage: Sendable, Hashable {
    /// The file the page was read from, as given.
    public var path: String
    /// The `位置: AUTHOR > CATEGORY` line, when the page has one.
    public var breadcrumb: EportfolioBreadcrumb?
    /// The posts in page order.
    public var posts: [EportfolioPost]

    /// A page from its parts.
    public init(path: String, breadcrumb: EportfolioBreadcrumb?, posts: [EportfolioPost]) {
        self.path = path
        self.breadcrumb = breadcrumb
        self.posts = posts
    }
}
