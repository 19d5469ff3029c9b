/// One HTTP request to an S3 service, before and after signing: the parts SigV4 signs are
/// kept apart, so the URL sent is built from exactly what was signed.
public struct S3HTTPRequest: Sendable {
    /// `GET`, `PUT`, `POST`, `DELETE` or `HEAD`.
    public var method: String
    /// `http` or `https`.
    public var scheme: String
    /// The `Host` header: the host, and the port when it is not the scheme's default.
    public var host: String
    /// The path, already percent-encoded (see `URIEncoding.path`), starting with `/`.
    public var encodedPath: String
    /// The query's names and values, not encoded.
    public var query: [(name: String, value: String)]
    /// The headers, names in lower case.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: [UInt8]

    /// A request with these parts.
    public init(method: String, scheme: String, host: String, encodedPath: String, query: [(name: String, value: String)] = [],
                headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.encodedPath = encodedPath
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The query as SigV4 wants it, and as it is sent: encoded pairs, sorted.
    var canonicalQuery: String {
        query.map { (URIEncoding.component($0.name), URIEncoding.component($0.value)) }
            .sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// The full URL sent.
    public var url: String {
        let query = canonicalQuery
        return "\(scheme)://\(host)\(encodedPath)" + (query.isEmpty ? "" : "?" + query)
    }

    /// The value of the header `name` (lower case), if set.
    public func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }
}

/// What the service answered.
public struct S3HTTPResponse: Sendable {
    /// The HTTP status.
    public var status: Int
    /// The headers, names in lower case.
    public var headers: [(name: String, value: String)]
    /// The body (an XML document for listings and errors).
    public var body: [UInt8]

    /// A response with these parts.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the header `name` (lower case), if set.
    public func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }
}
