import Foundation

/// Builds the site's URLs from site-relative paths such as `tags/市場區隔/`.
/// Path segments are percent-encoded, so links are valid URIs and feeds validate.
public struct SiteLinks: Sendable {
    /// The base URL, ending in `/`.
    public let baseURL: String
    /// The path part of the base URL, e.g. `/` or `/blog/`.
    public let root: String

    public init(baseURL: String) {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.baseURL = base
        var path = URL(string: base)?.path ?? "/"
        if path.isEmpty { path = "/" }
        if !path.hasSuffix("/") { path += "/" }
        self.root = path
    }

    /// A root-relative link, e.g. `/tags/%E5%B8%82/`.
    public func path(_ relative: String) -> String {
        root + Self.encode(relative)
    }

    /// An absolute URL, for feeds, sitemaps and canonical links.
    public func absolute(_ relative: String) -> String {
        baseURL + Self.encode(relative)
    }

    /// Percent-encodes each segment of a relative path, keeping the slashes.
    public static func encode(_ relative: String) -> String {
        // Each segment as `Escape.urlPathSegment` encodes it, in one pass: a slash is never unreserved.
        Escape.percentEncoded(relative) { $0 == UInt8(ascii: "/") || Escape.isUnreserved($0) }
    }
}
