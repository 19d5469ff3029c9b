import Foundation
import PortfolioCore
import PortfolioSite

/// The files that tell hosts how to serve a published site, made from the site's
/// outputs: `_headers` and `_redirects` (Netlify, Cloudflare Pages), `.nojekyll` and
/// `CNAME` (GitHub Pages), `nginx.conf` (a server block) and `Caddyfile`.
public struct HostRules: Sendable {
    /// A site-relative redirect: the address an alias had, decoded (as servers match it)
    /// and as written on the wire, and where it goes.
    struct Redirect: Sendable {
        var decoded: String
        var encoded: String
        var target: String
    }

    let headers: SecurityHeaders
    let redirects: [Redirect]
    /// Root-relative addresses of the hashed assets, sorted.
    let hashedAssets: [String]
    /// Root-relative addresses of the pages, to give HTML the revalidation rule.
    let pageFolders: [String]
    let serverName: String
    let root: String
    let cname: String
    /// The output folder, for the servers' `root`.
    let outputFolder: String

    public init(site: Site, fingerprints: AssetFingerprints, outputFolder: URL) {
        let links = site.links
        headers = SecurityHeaders(counterEndpoint: site.library.config.counterEndpoint)
        redirects = site.aliasRedirects.map { redirect in
            let address = redirect.path.hasSuffix("index.html") ? String(redirect.path.dropLast("index.html".count)) : redirect.path
            return Redirect(decoded: links.root + address, encoded: links.path(address), target: redirect.target)
        }
        hashedAssets = fingerprints.entries.values.map { links.path($0.hashed) }.sorted()
        pageFolders = Self.pageRules(site.pagePaths, hashed: Set(fingerprints.entries.values.map(\.hashed)), links: links)
        serverName = URL(string: site.library.config.baseURL)?.host ?? "localhost"
        root = links.root
        cname = site.library.config.cname
        self.outputFolder = outputFolder.standardizedFileURL.path
    }

    /// The rules that give pages revalidation without touching a hashed asset (hosts join
    /// the values of every rule that matches): `/FOLDER/*` for each top folder of pages
    /// that holds no hashed asset, and the pages' own addresses elsewhere.
    static func pageRules(_ pagePaths: [String], hashed: Set<String>, links: SiteLinks) -> [String] {
        let hashedFolders = Set(hashed.compactMap { $0.split(separator: "/").first.map(String.init) })
        var rules: Set<String> = []
        for path in pagePaths {
            let parts = path.split(separator: "/")
            if parts.count > 1, !hashedFolders.contains(String(parts[0])) {
                rules.insert(links.path(String(parts[0]) + "/") + "*")
            } else {
                let address = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
                rules.insert(links.path(address))
                if address != path { rules.insert(links.path(path)) }
            }
        }
        return rules.sorted()
    }

    /// The Cache-Control rules `_headers` carries, which deploy reads back.
    public var cacheRules: CacheRules { CacheRules(hashedAssets: hashedAssets, pageRules: pageFolders) }

    /// Every host file, in a fixed order.
    public func outputs() -> [SiteOutput] {
        var files = [
            SiteOutput("_headers", .feed, Array(netlifyHeaders().utf8)),
            SiteOutput("_redirects", .feed, Array(netlifyRedirects().utf8)),
            SiteOutput(".nojekyll", .feed, []),
            SiteOutput("nginx.conf", .feed, Array(NginxConfig(rules: self).text.utf8)),
            SiteOutput("Caddyfile", .feed, Array(CaddyConfig(rules: self).text.utf8)),
        ]
        if !cname.isEmpty { files.append(SiteOutput("CNAME", .feed, Array((cname + "\n").utf8))) }
        return files
    }

    /// `_headers`: security headers for every file, a year's cache for each hashed asset,
    /// revalidation for pages.
    func netlifyHeaders() -> String {
        var text = "# Made by portfolio publish. Hosts join the values of every rule that matches,\n"
        text += "# so Cache-Control is set by rules that do not overlap.\n/*\n"
        for header in headers.headers { text += "  \(header.name): \(header.value)\n" }
        return text + cacheRules.headerLines
    }

    /// `_redirects`: a 301 for every alias, by its percent-encoded address.
    func netlifyRedirects() -> String {
        "# Made by portfolio publish: a 301 for every alias.\n" + redirects.map { "\($0.encoded) \($0.target) 301\n" }.joined()
    }

    /// Whether a decoded address can be written in a server's config: no control
    /// characters (the servers' quoting covers the rest).
    static func isWritable(_ address: String) -> Bool {
        !address.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f }
    }
}
