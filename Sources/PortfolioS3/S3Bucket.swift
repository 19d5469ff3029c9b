import Foundation
import PortfolioCore

/// Where a bucket's objects are addressed: the endpoint's scheme and host, and whether the
/// bucket goes into the path (`https://endpoint/bucket/key`) or the host name
/// (`https://bucket.endpoint/key`, which Aliyun OSS requires).
public struct S3Bucket: Sendable, Equatable {
    /// The bucket's name.
    public var name: String
    /// `http` or `https`.
    public var scheme: String
    /// The endpoint's host, with its port when that is not the scheme's default.
    public var endpointHost: String
    /// The endpoint's path, if it has one, without a trailing `/`.
    public var basePath: String
    /// Path-style addressing.
    public var pathStyle: Bool
    /// The endpoint as configured, for messages.
    public var endpoint: String

    /// The bucket `name` at `endpoint`; an error when the endpoint is not a usable address.
    public init(name: String, endpoint: String, pathStyle: Bool) throws(PortfolioErrors) {
        guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty else {
            throw PortfolioErrors([PortfolioError(.deploy, "endpoint \(endpoint) is not an http:// or https:// address")])
        }
        let defaultPort = scheme == "https" ? 443 : 80
        self.name = name
        self.scheme = scheme
        self.endpointHost = host.lowercased() + (url.port.map { $0 == defaultPort ? "" : ":\($0)" } ?? "")
        self.basePath = url.path.hasSuffix("/") ? String(url.path.dropLast()) : url.path
        self.pathStyle = pathStyle
        self.endpoint = endpoint
        if !pathStyle, Self.isAddress(host) {
            throw PortfolioErrors([PortfolioError(.deploy, "endpoint \(endpoint) is an IP address or localhost, which cannot carry "
                + "the bucket in its name: set path_style: true for this target")])
        }
    }

    /// The `Host` header for requests to this bucket.
    var host: String { pathStyle ? endpointHost : "\(name).\(endpointHost)" }

    /// The encoded path of the object `key`, or of the bucket itself when `key` is nil.
    func path(for key: String?) -> String {
        let bucketPart = pathStyle ? "/" + URIEncoding.path(name) : ""
        guard let key else { return basePath + bucketPart + (pathStyle ? "" : "/") }
        return basePath + bucketPart + "/" + URIEncoding.path(key)
    }

    private static func isAddress(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("[") || host.contains(":") || host.split(separator: ".").allSatisfy { UInt8($0) != nil }
    }
}
