import Foundation
import PortfolioCore

/// The response headers every published file gets, and the two cache rules.
public struct SecurityHeaders: Sendable, Equatable {
    /// The Content-Security-Policy: only the site's own scripts, styles and fonts (the
    /// theme has no inline script or style), images also from `data:` and any https
    /// address (articles may show pictures kept elsewhere), and fetches to the site itself
    /// (the search index) and to the counter service's origin when there is one.
    public let contentSecurityPolicy: String
    public let headers: [(name: String, value: String)]

    public static let immutable = "public, max-age=31536000, immutable"
    public static let revalidate = "public, max-age=0, must-revalidate"

    public init(counterEndpoint: String) {
        var connect = "'self'"
        if let origin = Self.origin(of: counterEndpoint) { connect += " " + origin }
        contentSecurityPolicy = [
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: https:",
            "font-src 'self'", "connect-src \(connect)", "object-src 'none'", "base-uri 'self'",
            "form-action 'self'", "frame-ancestors 'self'",
        ].joined(separator: "; ")
        headers = [
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "strict-origin-when-cross-origin"),
            ("Content-Security-Policy", contentSecurityPolicy),
        ]
    }

    public static func == (a: SecurityHeaders, b: SecurityHeaders) -> Bool { a.contentSecurityPolicy == b.contentSecurityPolicy }

    /// `https://host[:port]` of an absolute http(s) address, built only from a host and port
    /// that contain nothing but their own characters (nothing that could end the header or
    /// the policy); nil for a relative or empty endpoint, which is the site itself.
    static func origin(of endpoint: String) -> String? {
        guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-[]:")
        guard host.allSatisfy({ allowed.contains($0) }) else { return nil }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }
}
