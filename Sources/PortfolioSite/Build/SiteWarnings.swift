import Foundation
import PortfolioContent
import PortfolioCore

/// What a build accepted but warns about, and the check that a folder is a site at all.
enum SiteWarnings {
    /// A folder with neither `portfolio.yml` nor `content/` is not a site: building it
    /// would write an empty site, which is never what was meant.
    static func checkSiteFolder(_ root: URL) throws(PortfolioErrors) {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        let hasContent = fm.fileExists(atPath: root.appendingPathComponent("content").path, isDirectory: &isFolder) && isFolder.boolValue
        if hasContent || fm.fileExists(atPath: root.appendingPathComponent("portfolio.yml").path) { return }
        throw PortfolioErrors([PortfolioError(.usage, "not a portfolio site: it has no portfolio.yml and no content/ folder "
                                              + "(start one with `portfolio init DIR`, or pass --source DIR)",
                                              at: SourceLocation(path: root.path))])
    }

    /// The config's warnings, the articles', and every local image the site does not have.
    static func all(config: SiteConfig, library: Library, statics: [StaticFile]) -> [PortfolioWarning] {
        let have = Set(statics.map(\.path))
        let basePath = URL(string: config.baseURL)?.path ?? "/"
        var out = config.warnings
        for article in library.articles {
            out += article.warnings
            for image in article.localImages {
                let path = sitePath(of: image.url, article: article, basePath: basePath)
                if let path, !have.contains(path), !path.hasPrefix("assets/") {
                    out.append(PortfolioWarning("image `\(image.url)` is not in the site (put it in static/\(path))",
                                                at: SourceLocation(path: article.sourcePath, line: image.line)))
                }
            }
        }
        return out.sorted { $0.description < $1.description }
    }

    /// The output path an image address points at, from the article's page; nil for an
    /// address that leaves the site.
    static func sitePath(of url: String, article: Article, basePath: String) -> String? {
        var path = String(url.prefix { $0 != "?" && $0 != "#" })
        path = path.removingPercentEncoding ?? path
        if path.hasPrefix("/") {
            let base = basePath.hasSuffix("/") ? basePath : basePath + "/"
            path = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : String(path.dropFirst())
        } else {
            path = article.url + path
        }
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if parts.popLast() == nil { return nil }; continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}
