import Foundation
import PortfolioCore

/// Turns an imported post into the text of a Markdown article: YAML front matter, a blank
/// line, then the body. The same post always gives the same bytes.
public struct MarkdownArticleWriter: Sendable {
    /// The zone dates are written in (the platform's UTC+8 by default).
    public var timeZone: TimeZone
    /// Tags to give a post when its title or body mentions them (`--tags-from-site`).
    public var siteTags: [String]

    /// A writer for dates in `timeZone`.
    public init(timeZone: TimeZone = EportfolioParser.platformTimeZone, siteTags: [String] = []) {
        self.timeZone = timeZone
        self.siteTags = siteTags
    }

    /// The site's tags the post mentions (Latin letters in any case), in the order given.
    public func tags(for post: EportfolioPost) -> [String] {
        let text = ([post.title] + post.lines).joined(separator: "\n").lowercased()
        var seen = Set<String>()
        return siteTags.filter { tag in
            let key = tag.lowercased()
            return !key.isEmpty && text.contains(key) && seen.insert(key).inserted
        }
    }

    /// The whole file: front matter, then the body (if any), ending in one line break.
    public func article(for post: EportfolioPost, slug: String, draft: Bool = false) -> String {
        let front = frontMatter(for: post, slug: slug, draft: draft)
        let body = self.body(for: post)
        return body.isEmpty ? front : front + "\n" + body + "\n"
    }

    /// The front matter block, `---` lines included, in a fixed key order.
    public func frontMatter(for post: EportfolioPost, slug: String, draft: Bool = false) -> String {
        var lines = ["---"]
        lines.append("title: " + YAMLScalar.quoted(title(for: post)))
        lines.append("date: " + DateFormatting(timeZone: timeZone).iso(post.date))
        lines.append("author: " + YAMLScalar.quoted(post.author))
        if let category = post.category { lines.append("category: " + YAMLScalar.quoted(category)) }
        let tags = self.tags(for: post)
        if !tags.isEmpty { lines.append("tags: [" + tags.map(YAMLScalar.quoted).joined(separator: ", ") + "]") }
        lines.append("views: \(post.views)")
        lines.append("replies: \(post.replies)")
        if let source = post.source { lines.append("source: " + YAMLScalar.quoted(source)) }
        lines.append("slug: " + YAMLScalar.quoted(slug))
        if draft { lines.append("draft: true") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The Markdown body. Every line the platform showed on its own becomes its own
    /// paragraph (adjacent Markdown lines would merge), except numbered and bulleted
    /// lines, which become headings and lists (`ImportStructure`). A link-only post has
    /// no body: its `source:` is the link, and the article page shows it.
    public func body(for post: EportfolioPost) -> String {
        if post.isLinkOnly { return "" }
        return ImportStructure.blocks(post.lines).joined(separator: "\n\n")
    }

    /// The title to write: the post's own, or for an empty post `未命名 (DATE)`, since an
    /// article needs a title.
    public func title(for post: EportfolioPost) -> String {
        post.title.isEmpty ? "未命名 (\(DateFormatting(timeZone: timeZone).dateTime(post.date)))" : post.title
    }
}
