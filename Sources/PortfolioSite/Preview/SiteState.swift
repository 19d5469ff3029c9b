import Foundation
import PortfolioContent
import PortfolioCore
import PortfolioTemplates

/// The last good build of the preview folder: what the next build compares against.
/// Per-article values are by library index, per-page values by job index.
struct SiteState {
    /// A card made for an article, kept for reuse while its source bytes stay the same.
    struct CardEntry {
        var source: Int
        var card: Context
        var hash: Int
    }

    var library: Library?
    /// Source path → index in `library`.
    var indexByPath: [String: Int] = [:]
    /// The earliest date of an article left out as future: when "now" passes it, the
    /// library changes without any file changing.
    var nextDue: Date?
    /// Per article: source hash, card, card hash, related articles.
    var sources: [Int] = []
    var cards: [Context] = []
    var cardHashes: [Int] = []
    var related: [[Int]] = []
    /// Slug → front matter `views` of every published article (the counters' baselines).
    var views: [String: Int] = [:]
    /// Hash of the articles' source paths in library order (see `IncrementalBuilder.pathsHash`).
    var articlePaths = 0
    /// Per page: the job, its path and its key as written (nil: not written, render it).
    var jobs: [PageJob] = []
    var paths: [String] = []
    var keys: [Int?] = []
    /// Page path → job index.
    var pageIndex: [UTF8Key: Int] = [:]
    /// The job index of `.article(0)` (article `i`'s page is job `articleJobs + i`).
    var articleJobs = 0
    /// Cards by source path, for builds that rebuild the library (a card is reused only
    /// for the same path with the same source hash, so entries of gone articles are harmless).
    var cardCache: [String: CardEntry] = [:]
    var relatedIndex = RelatedIndex()
    /// Output path → hash of the bytes written, for every file that is not a page
    /// (feed, sitemap, robots.txt, redirects, assets, static files).
    var extras: [String: Int] = [:]
    var sitemap = SitemapCache()
    /// Every file in the folder but the marker.
    var files: Set<UTF8Key> = []
    /// Whether the folder holds a complete build.
    var complete = false
    /// The search index files in the folder (path → bytes), the key they were made for,
    /// and the key of the last good build (see `IncrementalBuilder.searchKey`).
    var search: [String: [UInt8]] = [:]
    var searchKey: Int?
    var wantedSearchKey: Int?

    /// Forgets everything derived from the config and the theme, so every page is rendered
    /// again (and written where its bytes differ). Keeps the list of files in the folder
    /// and the search files; with `search` false their key too, so the index is made again.
    mutating func forgetPages(search keepKey: Bool) {
        var fresh = SiteState()
        fresh.files = files
        fresh.search = search
        fresh.searchKey = keepKey ? searchKey : nil
        self = fresh
    }
}
