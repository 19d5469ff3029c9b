import Foundation

/// The settings in `portfolio.yml`. Every key is optional; see README for the list. Reading
/// them from YAML is PortfolioContent's (`SiteConfig(yaml:path:)`, `SiteConfig.load`).
public struct SiteConfig: Sendable {
    public var title = "作品集"
    public var description = ""
    public var author = "作者"
    /// BCP 47 language of the site, e.g. `zh-Hant`.
    public var language = "zh-Hant"
    /// Absolute base URL, always ending in `/`.
    public var baseURL = "http://localhost:4000/"
    public var timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
    /// Articles per list page.
    public var paginate = 10
    public var slugStyle = Slug.Style.unicode
    /// Length, in characters, of a summary taken from the first paragraph.
    public var summaryLength = 120
    /// Let raw HTML in Markdown through (off by default: it is dropped).
    public var unsafeHTML = false
    /// An article gets a table of contents when it has at least this many headings.
    public var tocMinHeadings = 3
    /// Base URL of the view counter service; empty means counters show the baseline only.
    public var counterEndpoint = ""
    /// Groups of search terms that find each other (regional words, for instance).
    public var synonyms: [[String]] = [["行銷", "营销", "營銷"], ["通路", "渠道"]]
    /// How many articles the home page lists as popular.
    public var popularCount = 5
    /// How many related articles an article page shows.
    public var relatedCount = 5
    /// The custom domain a GitHub Pages site is served at (its `CNAME` file); empty: none.
    public var cname = ""
    /// One tag (and category) page for a name written in Traditional and in Simplified
    /// (社會化營銷, 社会化营销), under the spelling most articles use.
    public var mergeScripts = true
    /// One link of the header menu.
    public struct MenuItem: Sendable, Hashable {
        public var title: String
        /// A path below the site's root (`about/`) or an absolute http(s) address.
        public var url: String
        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }
    }

    /// The header menu; nil gives the default (tags, categories, archives, authors).
    public var menu: [MenuItem]?
    /// The licence notice under each article (`copyright.text`, e.g. `CC BY-NC 4.0`), and
    /// the page it links to (`copyright.url`); no notice when the text is empty.
    public var copyrightText = ""
    public var copyrightURL = ""
    /// Extra keys, handed to templates as `site.params`.
    public var params: [String: YAMLValue] = [:]
    /// What reading `portfolio.yml` accepted but warns about, at its line.
    public var warnings: [PortfolioWarning] = []

    /// Every key `portfolio.yml` may have, and the keys of its sections.
    public static let knownKeys = ["title", "description", "author", "language", "base_url", "time_zone", "paginate",
                                   "slug_style", "summary_length", "popular_count", "related_count", "markdown", "counter",
                                   "search", "merge_scripts", "menu", "copyright", "cname", "deploy", "params"]
    public static let knownSectionKeys = ["markdown": ["unsafe_html", "toc_min_headings"], "counter": ["endpoint"],
                                          "search": ["synonyms"], "copyright": ["text", "url"]]
    /// The `base_url` that `portfolio init` writes, to be replaced before publishing.
    public static let placeholderBaseURL = "https://example.org/"

    public init() {}
}
