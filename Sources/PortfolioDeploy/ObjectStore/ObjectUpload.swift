/// One object to store: its bytes exactly as uploaded and the headers that go with them.
public struct ObjectUpload: Sendable {
    /// The key relative to the target's prefix, `/`-separated.
    public var key: String
    /// The bytes to store (for text files, the gzip bytes publish made).
    public var body: [UInt8]
    /// The `Content-Type` header, with `charset=utf-8` for text.
    public var contentType: String
    /// The `Cache-Control` header, by the same rules as `_headers`.
    public var cacheControl: String
    /// The `Content-Encoding` header: `"gzip"` for text files, `nil` otherwise.
    public var contentEncoding: String?
    /// The MD5 of `body`, 16 bytes, for `Content-MD5`.
    public var md5: [UInt8]

    /// An upload of these bytes with these headers.
    public init(key: String, body: [UInt8], contentType: String, cacheControl: String, contentEncoding: String?, md5: [UInt8]) {
        self.key = key
        self.body = body
        self.contentType = contentType
        self.cacheControl = cacheControl
        self.contentEncoding = contentEncoding
        self.md5 = md5
    }
}
