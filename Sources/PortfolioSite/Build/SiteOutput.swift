/// One file of a built site: where it goes, what kind of output it is, and its bytes.
public struct SiteOutput: Sendable, Equatable {
    /// What an output is, for the steps that treat kinds differently (a publish step
    /// hashes assets and compresses text; a host's rules cache assets for long).
    public enum Kind: String, Sendable, CaseIterable {
        /// A page rendered from a template (`index.html`, `posts/x/index.html`, `404.html`).
        case page
        /// A file of the theme (`assets/…`, `search/search.js`).
        case asset
        /// The Atom feed, the sitemap and `robots.txt`.
        case feed
        /// A file of the search index under `search/`.
        case search
        /// A file copied from the site's `static/` folder.
        case staticFile = "static"
        /// The page an alias of an article points to its new address with.
        case redirect
    }

    /// The path below the output folder, with `/` between folders.
    public var path: String
    public var kind: Kind
    public var bytes: [UInt8]

    public init(_ path: String, _ kind: Kind, _ bytes: [UInt8]) {
        self.path = path
        self.kind = kind
        self.bytes = bytes
    }
}
