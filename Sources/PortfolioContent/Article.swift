import Foundation
import PortfolioCore
import PortfolioMarkdown

/// One article: its front matter, its rendered body and what is derived from them.
///
/// A value type whose fields live in one shared box, copied on the first write: an
/// article is passed and copied often (the library, page contexts, search documents,
/// the sitemap), and copying twenty fields retained each of their strings and arrays.
public struct Article: Sendable {
    private var storage: Storage

    /// Where in the source file some values were written, for errors that point at them.
    public struct Lines: Sendable, Equatable {
        /// The line of `slug:`, or of `title:` when the slug comes from the title.
        public var slug: Int
        /// The line of `aliases:`.
        public var aliases: Int

        public init(slug: Int = 1, aliases: Int = 1) {
            self.slug = slug
            self.aliases = aliases
        }
    }

    /// Lines of the front matter, for errors found after loading (a slug or an alias
    /// that another article or output already has).
    public var lines = Lines()

    /// The source file, relative to the site root (e.g. `content/posts/stp.md`).
    public var sourcePath: String {
        get { storage.sourcePath }
        set { mutable.sourcePath = newValue }
    }
    public var title: String {
        get { storage.title }
        set { mutable.title = newValue }
    }
    /// The URL slug; never empty.
    public var slug: String {
        get { storage.slug }
        set { mutable.slug = newValue }
    }
    public var date: Date {
        get { storage.date }
        set { mutable.date = newValue }
    }
    public var updated: Date? {
        get { storage.updated }
        set { mutable.updated = newValue }
    }
    public var author: String {
        get { storage.author }
        set { mutable.author = newValue }
    }
    public var categories: [String] {
        get { storage.categories }
        set { mutable.categories = newValue }
    }
    public var tags: [String] {
        get { storage.tags }
        set { mutable.tags = newValue }
    }
    /// A plain-text summary: from front matter, or the first paragraph.
    public var summary: String {
        get { storage.summary }
        set { mutable.summary = newValue }
    }
    /// The legacy view count (人氣), the baseline live counters add to.
    public var views: Int {
        get { storage.views }
        set { mutable.views = newValue }
    }
    /// The legacy reply count (回應).
    public var replies: Int {
        get { storage.replies }
        set { mutable.replies = newValue }
    }
    /// Link to the original article, if any.
    public var source: String? {
        get { storage.source }
        set { mutable.source = newValue }
    }
    public var draft: Bool {
        get { storage.draft }
        set { mutable.draft = newValue }
    }
    /// Old URL paths that should redirect here.
    public var aliases: [String] {
        get { storage.aliases }
        set { mutable.aliases = newValue }
    }
    /// Front matter keys portfolio does not know, for templates.
    public var params: [String: YAMLValue] {
        get { storage.params }
        set { mutable.params = newValue }
    }
    /// The body as HTML.
    public var html: String {
        get { storage.html }
        set { mutable.html = newValue }
    }
    public var headings: [Heading] {
        get { storage.headings }
        set { mutable.headings = newValue }
    }
    /// The body as plain text (for search).
    public var plainText: String {
        get { storage.plainText }
        set { mutable.plainText = newValue }
    }
    /// Estimated reading time in minutes (Chinese at 400 characters a minute, other words at 200).
    public var readingMinutes: Int {
        get { storage.readingMinutes }
        set { mutable.readingMinutes = newValue }
    }
    /// Chinese characters plus other words in the body.
    public var wordCount: Int {
        get { storage.wordCount }
        set { mutable.wordCount = newValue }
    }

    /// Han characters in the body (字數).
    public var hanCount: Int {
        get { storage.hanCount }
        set { mutable.hanCount = newValue }
    }
    /// A standalone page (`content/pages/*.md` or `type: page`): at `/<slug>/`, and in no
    /// list, feed, archive or search index.
    public var isPage: Bool {
        get { storage.isPage }
        set { mutable.isPage = newValue }
    }
    /// Shown first on the home page, marked 置頂 (`pinned: true`).
    public var pinned: Bool {
        get { storage.pinned }
        set { mutable.pinned = newValue }
    }

    /// The site-relative URL path: `posts/stp/` for an article, `about/` for a page.
    public var url: String { isPage ? "\(slug)/" : "posts/\(slug)/" }

    /// An article from its fields, as the loader reads them.
    public init(
        sourcePath: String, title: String, slug: String, date: Date, updated: Date?, author: String,
        categories: [String], tags: [String], summary: String, views: Int, replies: Int, source: String?, draft: Bool,
        aliases: [String], params: [String: YAMLValue], html: String, headings: [Heading], plainText: String,
        readingMinutes: Int, wordCount: Int, hanCount: Int = 0, isPage: Bool = false, pinned: Bool = false
    ) {
        storage = Storage(
            sourcePath: sourcePath, title: title, slug: slug, date: date, updated: updated, author: author,
            categories: categories, tags: tags, summary: summary, views: views, replies: replies, source: source,
            draft: draft, aliases: aliases, params: params, html: html, headings: headings, plainText: plainText,
            readingMinutes: readingMinutes, wordCount: wordCount, hanCount: hanCount, isPage: isPage, pinned: pinned
        )
    }

    /// The box, made unique first when another article shares it.
    private var mutable: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    // Only ever mutated while uniquely referenced, so sharing it across threads is safe.
    private final class Storage: @unchecked Sendable {
        var sourcePath: String
        var title: String
        var slug: String
        var date: Date
        var updated: Date?
        var author: String
        var categories: [String]
        var tags: [String]
        var summary: String
        var views: Int
        var replies: Int
        var source: String?
        var draft: Bool
        var aliases: [String]
        var params: [String: YAMLValue]
        var html: String
        var headings: [Heading]
        var plainText: String
        var readingMinutes: Int
        var wordCount: Int
        var hanCount: Int
        var isPage: Bool
        var pinned: Bool

        init(
            sourcePath: String, title: String, slug: String, date: Date, updated: Date?, author: String,
            categories: [String], tags: [String], summary: String, views: Int, replies: Int, source: String?,
            draft: Bool, aliases: [String], params: [String: YAMLValue], html: String, headings: [Heading],
            plainText: String, readingMinutes: Int, wordCount: Int, hanCount: Int, isPage: Bool, pinned: Bool
        ) {
            self.sourcePath = sourcePath
            self.title = title
            self.slug = slug
            self.date = date
            self.updated = updated
            self.author = author
            self.categories = categories
            self.tags = tags
            self.summary = summary
            self.views = views
            self.replies = replies
            self.source = source
            self.draft = draft
            self.aliases = aliases
            self.params = params
            self.html = html
            self.headings = headings
            self.plainText = plainText
            self.readingMinutes = readingMinutes
            self.wordCount = wordCount
            self.hanCount = hanCount
            self.isPage = isPage
            self.pinned = pinned
        }

        func copy() -> Storage {
            Storage(
                sourcePath: sourcePath, title: title, slug: slug, date: date, updated: updated, author: author,
                categories: categories, tags: tags, summary: summary, views: views, replies: replies, source: source,
                draft: draft, aliases: aliases, params: params, html: html, headings: headings, plainText: plainText,
                readingMinutes: readingMinutes, wordCount: wordCount, hanCount: hanCount, isPage: isPage, pinned: pinned
            )
        }
    }
}
