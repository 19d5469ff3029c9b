import Foundation

/// How `portfolio counter serve` listens and whom it answers.
public struct CounterServiceOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 8787
    /// Origins (`https://example.com`) whose pages may record views and read the answers.
    public var allowedOrigins: [String] = []
    /// Views a client may record per minute; 0 for no limit.
    public var rateLimit = 60
    /// Read the client's address from `X-Forwarded-For` (behind a reverse proxy).
    public var trustProxy = false
    /// A loopback port for `/metrics`; nil serves no metrics.
    public var metricsPort: Int?
    /// The longest request target answered (414 beyond).
    public var longestURL = 4096
    /// The largest request body accepted (413 beyond); the API reads no body.
    public var largestBody = 1024

    public init() {}

    /// Whether an `Origin` header names an allowed origin (exactly, without a path).
    public func allows(origin: String?) -> Bool {
        guard let origin else { return false }
        return allowedOrigins.contains { Self.normalized($0) == Self.normalized(origin) }
    }

    /// An origin as browsers send it: lowercase scheme and host, no trailing slash, no
    /// default port.
    public static func normalized(_ origin: String) -> String {
        var text = origin.lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        if text.hasPrefix("https://"), text.hasSuffix(":443") { text.removeLast(4) }
        if text.hasPrefix("http://"), text.hasSuffix(":80") { text.removeLast(3) }
        return text
    }
}
