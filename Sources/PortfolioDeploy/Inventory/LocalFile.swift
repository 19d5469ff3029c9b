/// One object a deploy would store: its key, the file whose bytes are uploaded, and the
/// headers it gets.
public struct LocalFile: Sendable, Equatable {
    /// The key below the target's prefix: the path in the published folder, `/`-separated.
    public var key: String
    /// The path below the folder of the bytes uploaded (`x`, or `x.gz` for text).
    public var source: String
    /// The size of the uploaded bytes.
    public var size: Int
    /// The MD5 of the uploaded bytes, which a store reports as the object's ETag.
    public var md5: [UInt8]
    /// The `Content-Type` header, by the key's ending.
    public var contentType: String
    /// The `Cache-Control` header, by the rules in `_headers`.
    public var cacheControl: String
    /// `gzip` when the bytes are the gzip sibling.
    public var contentEncoding: String?

    /// A file with these values.
    public init(key: String, source: String, size: Int, md5: [UInt8], contentType: String, cacheControl: String, contentEncoding: String?) {
        self.key = key
        self.source = source
        self.size = size
        self.md5 = md5
        self.contentType = contentType
        self.cacheControl = cacheControl
        self.contentEncoding = contentEncoding
    }

    /// The MD5 as an ETag is written: lower-case hex.
    public var etag: String { Hex.string(md5) }
}

/// Lower-case hexadecimal text of bytes (ETags, MD5s, the S3 client's hashes).
public enum Hex {
    static let digits = Array("0123456789abcdef")

    /// `bytes` as lower-case hex, two digits each.
    public static func string(_ bytes: some Sequence<UInt8>) -> String {
        var text = ""
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return text
    }
}
