import Foundation
import PortfolioCore
import PortfolioTemplates

/// Writes new source files: a new article, or a whole starter site. Never overwrites.
public enum Scaffold {
    /// The text of a new article with its front matter filled in.
    public static func articleText(title: String, slug: String, tags: [String], config: SiteConfig, now: Date) -> String {
        let dates = DateFormatting(timeZone: config.timeZone)
        let tagList = tags.map { Escape.jsonString($0) }.joined(separator: ", ")
        return """
        ---
        title: \(Escape.jsonString(title))
        slug: \(Escape.jsonString(slug))
        date: \(dates.iso(now))
        author: \(Escape.jsonString(config.author))
        categories: []
        tags: [\(tagList)]
        draft: false
        ---

        在這裡開始寫作。

        """
    }

    /// Creates `content/posts/<slug>.md`; returns its path. Fails if the file exists.
    public static func newArticle(siteRoot: URL, title: String, slug: String?, tags: [String], now: Date = Date()) throws(PortfolioError) -> URL {
        do throws(PortfolioErrors) { try SiteWarnings.checkSiteFolder(siteRoot) } catch {
            throw error.errors[0]
        }
        let config: SiteConfig
        do throws(PortfolioErrors) { config = try SiteConfig.load(siteRoot: siteRoot) } catch {
            // `new` stops at the config's first problem; `build` reports them all.
            throw error.errors.first ?? PortfolioError(.config, "cannot read portfolio.yml")
        }
        let slug = Slug.make(slug ?? title, style: slug == nil ? config.slugStyle : .unicode)
        let url = siteRoot.appendingPathComponent("content/posts/\(slug).md")
        try create(url, articleText(title: title, slug: slug, tags: tags, config: config, now: now))
        return url
    }

    /// Writes a starter site into `folder`: config, one article, the default templates.
    public static func initSite(_ folder: URL, now: Date = Date()) throws(PortfolioError) -> [URL] {
        let fm = FileManager.default
        if let entries = try? fm.contentsOfDirectory(atPath: folder.path), !entries.filter({ !$0.hasPrefix(".") }).isEmpty {
            throw PortfolioError(.usage, "the folder is not empty; choose a new folder", at: SourceLocation(path: folder.path))
        }
        var files: [(String, String)] = [("portfolio.yml", starterConfig)]
        let config = SiteConfig()
        files.append(("content/posts/hello.md", articleText(title: "第一篇文章", slug: "hello", tags: ["筆記"], config: config, now: now)
            .replacingOccurrences(of: "在這裡開始寫作。", with: starterBody)))
        for file in Theme.defaultFiles { files.append(("templates/" + file.path, String(decoding: file.bytes, as: UTF8.self))) }
        var written: [URL] = []
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try create(url, text)
            written.append(url)
        }
        return written
    }

    static func create(_ url: URL, _ text: String) throws(PortfolioError) {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: url.path) else {
            throw PortfolioError(.usage, "the file already exists; nothing was written", at: SourceLocation(path: url.path))
        }
        do {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw PortfolioError(.io, "cannot write: \(error.localizedDescription)", at: SourceLocation(path: url.path))
        }
    }

    static let starterConfig = """
    title: 我的行銷作品集
    description: 行銷筆記與案例整理。
    author: 作者
    language: zh-Hant
    base_url: https://example.org/
    time_zone: "+08:00"
    paginate: 10
    slug_style: unicode
    markdown:
      unsafe_html: false
      toc_min_headings: 3
    counter:
      endpoint: ""
    search:
      synonyms:
        - [行銷, 营销, 營銷]
        - [通路, 渠道]

    """

    static let starterBody = """
    這是用 `portfolio new article "標題"` 建立的文章。執行 `portfolio serve` 預覽,存檔後頁面會自動重新載入。

    ## 下一步

    - 在 `content/` 寫文章
    - 在 `templates/` 調整版面
    - 執行 `portfolio build` 產生網站
    """
}
