import Foundation
import PortfolioContent
import PortfolioCore

/// Finds and loads the Markdown files under `content/`.
public enum ContentSource {
    /// Paths of `.md` and `.markdown` files below `folder`, relative to `siteRoot`, sorted;
    /// hidden files and folders are left out.
    public static func markdownFiles(in folder: URL, siteRoot: URL) -> [String] {
        // A content folder may be a symbolic link (to a shared corpus, say): list what it points to.
        let target = folder.resolvingSymlinksInPath()
        let names = FolderListing.files(under: target.path) { $0.hasSuffix(".md") || $0.hasSuffix(".markdown") }
        let prefix = relative(folder, to: siteRoot)
        return names.map { prefix.isEmpty ? $0 : prefix + "/" + $0 }.sorted()
    }

    /// Loads every file in parallel; returns the articles and every error of every file.
    public static func load(_ paths: [String], siteRoot: URL, loader: ArticleLoader) -> (articles: [Article], errors: [PortfolioError]) {
        // Plain string paths: URL's path handling costs more than reading a small file.
        let rootPath = siteRoot.path
        // One thread more than there are cores: parsing Markdown takes turns at a lock (see
        // `MarkdownRenderer`), and a thread waiting there would otherwise leave its core idle.
        let workers = ProcessInfo.processInfo.activeProcessorCount + 1
        let results = Parallel.map(paths, workers: workers) { path -> Result<Article, PortfolioErrors> in
            guard let data = FileManager.default.contents(atPath: rootPath + "/" + path) else {
                return .failure(PortfolioErrors([PortfolioError(.io, "cannot read the file", at: SourceLocation(path: path))]))
            }
            guard let text = String(validatingUTF8Data: data) else {
                return .failure(PortfolioErrors([PortfolioError(.io, "the file is not UTF-8 text", at: SourceLocation(path: path, line: 1))]))
            }
            do throws(PortfolioErrors) { return .success(try loader.load(text: text, path: path)) } catch { return .failure(error) }
        }
        var articles: [Article] = [], errors: [PortfolioError] = []
        for result in results {
            switch result {
            case .success(let article): articles.append(article)
            case .failure(let failure): errors += failure.errors
            }
        }
        return (articles, errors)
    }

    static func relative(_ url: URL, to root: URL) -> String {
        let path = url.standardizedFileURL.path, base = root.standardizedFileURL.path
        if path == base { return "" }
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        return path
    }
}

extension String {
    /// Decodes UTF-8, or nil when the bytes are not valid UTF-8.
    init?(validatingUTF8Data data: Data) {
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        self = text
    }
}
