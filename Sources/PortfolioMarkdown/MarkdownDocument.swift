/// A heading of an article, for anchors and the table of contents.
public struct Heading: Sendable, Hashable {
    /// 1 to 6.
    public var level: Int
    /// The heading's plain text.
    public var text: String
    /// The `id` given to the heading element; unique within the article.
    public var anchor: String
}

/// What the Markdown module returns for an article body.
public struct MarkdownDocument: Sendable {
    /// The body as HTML, with `id`s on headings.
    public var html: String
    /// Headings in document order.
    public var headings: [Heading]
    /// The body as plain text, blocks separated by newlines (for search and counting).
    public var plainText: String
    /// Plain text of the first paragraph, for summaries.
    public var firstParagraph: String
}
