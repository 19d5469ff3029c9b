import Foundation

/// One post read from a saved ePortfolio page.
public struct EportfolioPost: Sendable, Hashable {
    /// The title, trimmed; empty for an empty post.
    public var title: String
    /// When it was published (read in platform time, UTC+8).
    public var date: Date
    /// The date as the page shows it, e.g. `2021-05-04 09:15:02`.
    public var dateText: String
    /// The writer named on the header line.
    public var author: String
    /// The category from the page's breadcrumb, if it names one.
    public var category: String?
    /// The `人氣` count.
    public var views: Int
    /// The `回應` count.
    public var replies: Int
    /// The cleaned body: paragraphs of lines the platform shows one under another.
    public var paragraphs: [[String]]
    /// The link the body ended with (the original article), if any.
    public var source: String?
    /// A writer credited by name alone on the first body line; that line stays in the body.
    public var credit: String?
    /// The page line of the post's header (1-based).
    public var line: Int

    /// A post from its header, its cleaned body and the page's category.
    public init(header: EportfolioHeader, body: EportfolioBody, category: String?, line: Int) {
        title = body.title
        date = header.date
        dateText = header.dateText
        author = header.author
        self.category = category
        views = header.views
        replies = header.replies
        paragraphs = body.paragraphs
        source = body.source
        credit = body.credit
        self.line = line
    }

    /// No title, no body, no link: a header directly followed by the next one.
    public var isEmpty: Bool { title.isEmpty && paragraphs.isEmpty && source == nil }

    /// Nothing but a link to the original article.
    public var isLinkOnly: Bool { paragraphs.isEmpty && source != nil }

    /// The body lines in order, without paragraph structure.
    public var lines: [String] { paragraphs.flatMap { $0 } }
}
