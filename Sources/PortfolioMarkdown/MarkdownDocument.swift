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
    /// Content that will not show as written, for warnings.
    public var notices: [MarkdownNotice] = []

    /// The text of the first paragraph that has any.
    public var firstParagraph: String { lead.first?.text ?? "" }
}

/// Something in a body that will not show as the author probably meant, at its line
/// (1-based, in the body).
public struct MarkdownNotice: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Text indented four spaces or more, shown as a code block.
        case indentedCode
        /// Raw HTML, dropped because `markdown.unsafe_html` is off.
        case droppedHTML
        /// An image with a local address (no scheme), which the site must provide.
        case localImage(String)
    }

    public var kind: Kind
    public var line: Int

    public init(_ kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }
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
