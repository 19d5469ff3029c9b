import Foundation
import PortfolioCore
import PortfolioMarkdown

/// Turns one Markdown file into an `Article`. Front matter problems are errors at their
/// line; the body itself never fails.
public struct ArticleLoader: Sendable {
    public let config: SiteConfig
    let renderer: MarkdownRenderer
    let dates: DateParser

    static let knownKeys: Set<String> = [
        "title", "date", "updated", "author", "categories", "category", "tags", "summary", "slug",
        "views", "replies", "source", "draft", "aliases", "type", "pinned",
    ]

    /// Files in this folder are standalone pages whatever their `type`.
    public static let pagesFolder = "content/pages/"

    public init(config: SiteConfig) {
        self.config = config
        self.renderer = MarkdownRenderer(unsafeHTML: config.unsafeHTML)
        self.dates = DateParser(timeZone: config.timeZone)
    }

    /// Loads an article from its text; `path` is shown in errors.
    public func load(text: String, path: String) throws(PortfolioErrors) -> Article {
        let front: FrontMatter
        let doc: FrontMatterFields
        do {
            front = try FrontMatter.split(text, path: path)
            doc = try FrontMatterFields(front.yaml, path: path, firstLine: front.yamlFirstLine)
        } catch {
            throw PortfolioErrors([error])
        }
        var fields = FieldReader(fields: doc, dates: dates)
        let title = fields.requiredString("title")
        let date = fields.date("date", required: true)
        let updated = fields.date("updated", required: false)
        let slugText = fields.string("slug")
        let categories = fields.list("categories") ?? fields.list("category") ?? []
        let tags = fields.list("tags") ?? []
        let summary = fields.string("summary")
        let views = fields.count("views"), replies = fields.count("replies")
        let draft = fields.bool("draft")
        let aliases = fields.list("aliases") ?? []
        let source = fields.string("source")
        let author = fields.string("author") ?? config.author
        let pinned = fields.bool("pinned")
        let type = fields.string("type")
        if let type, type != "page", type != "post" { fields.fail("type", "`type` must be `post` or `page`") }
        let isPage = type == "page" || (type == nil && path.hasPrefix(Self.pagesFolder))
        guard fields.errors.isEmpty, let title, let date else { throw PortfolioErrors(fields.errors) }

        let body = renderer.render(front.body)
        var params: [String: YAMLValue] = [:]
        for key in doc.keys where !Self.knownKeys.contains(key) {
            if let entry = doc[key] { params[key] = YAMLValue(entry.value) }
        }
        let counts = WordCount.count(body.plainText)
        let reading = WordCount.readingMinutes(counts)
        let slug = Slug.make(slugText.flatMap { $0.isEmpty ? nil : $0 } ?? title, style: slugText == nil ? config.slugStyle : .unicode)
        var article = Article(
            sourcePath: path, title: title, slug: slug, date: date, updated: updated, author: author,
            categories: unique(categories), tags: unique(tags),
            summary: summary ?? Summary.make(from: body.firstParagraph, length: config.summaryLength),
            views: views, replies: replies, source: source?.isEmpty == true ? nil : source, draft: draft,
            aliases: aliases, params: params, html: body.html, headings: body.headings,
            plainText: body.plainText, readingMinutes: reading.minutes, wordCount: reading.words,
            hanCount: counts.han, isPage: isPage, pinned: pinned)
        article.lines = Article.Lines(slug: doc.location(of: slugText != nil ? "slug" : "title").line ?? 1,
                                      aliases: doc.location(of: "aliases").line ?? 1)
        return article
    }

    private func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.map { $0.trimmed }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

/// Shortens a first paragraph into a summary at a sentence or character boundary.
public enum Summary {
    public static func make(from paragraph: String, length: Int) -> String {
        let text = paragraph.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard text.count > length else { return text }
        let cut = text.prefix(length)
        if let end = cut.lastIndex(where: { "。！？!?".contains($0) }), cut.distance(from: cut.startIndex, to: end) > length / 2 {
            return String(cut[...end])
        }
        return cut + "…"
    }
}
