/// One object as the store's listing reports it.
public struct RemoteObject: Sendable, Equatable {
    /// The key relative to the target's prefix, `/`-separated.
    public var key: String
    /// The ETag without quotes, lower-case hex (the MD5 of the body for single-part uploads).
    public var etag: String
    /// The size of the stored body in bytes.
    public var size: Int

    /// An object with this key, ETag and size.
    public init(key: String, etag: String, size: Int) {
        self.key = key
        self.etag = etag
        self.size = size
    }
}
