import Foundation
import PortfolioContent
import PortfolioTemplates

/// The last good build of the preview folder: what the next build compares against.
struct SiteState {
    /// A card made for an article, kept for reuse while its source bytes stay the same.
    struct CardEntry {
        var source: Int
        var card: Context
        var hash: Int
    }

    /// Cards by source path (entries of articles that went away are harmless: a card is
    /// reused only for the same path with the same source hash).
    var cards: [String: CardEntry] = [:]
    /// Page path → key of the page as written (see `PageJob.key`).
    var keys: [String: Int] = [:]
    /// Output path → hash of the bytes written, for every file that is not a page
    /// (feed, sitemap, robots.txt, redirects, assets, static files, search index).
    var extras: [String: Int] = [:]
    /// Every file in the folder but the marker.
    var files: Set<String> = []
    /// The sitemap's inputs as last written, and its bytes.
    var sitemapKey: Int?
    var sitemap: [UInt8] = []
    var related = RelatedIndex()
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
