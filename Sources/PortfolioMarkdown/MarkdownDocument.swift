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
    /// Plain text of the first paragraphs (at most eight), for summaries.
    public var lead: [LeadParagraph]

    /// The text of the first paragraph that has any.
    public var firstParagraph: String { lead.first?.text ?? "" }
}

/// A paragraph near the start of a body, as plain text.
public struct LeadParagraph: Sendable, Hashable {
    /// The whole paragraph, its soft breaks made spaces or nothing.
    public var text: String
    /// The paragraph up to its first line break (all of it when it is one line).
    public var firstLine: String
    /// Whether the paragraph is in a list item.
    public var inList: Bool

    public init(text: String, firstLine: String, inList: Bool) {
        self.text = text
        self.firstLine = firstLine
        self.inList = inList
    }
}
