import Crypto

/// An `ObjectStore` kept in memory, for tests and dry runs: it computes ETags as S3 does
/// for single-part uploads (the MD5 of the body) and can be told to fail.
public actor InMemoryObjectStore: ObjectStore {
    /// One stored object: its bytes and the headers it was stored with.
    public struct Stored: Sendable, Equatable {
        /// The stored bytes.
        public var body: [UInt8]
        /// The `Content-Type` it was stored with.
        public var contentType: String
        /// The `Cache-Control` it was stored with.
        public var cacheControl: String
        /// The `Content-Encoding` it was stored with.
        public var contentEncoding: String?

        /// An object with these bytes and headers.
        public init(body: [UInt8], contentType: String, cacheControl: String, contentEncoding: String?) {
            self.body = body
            self.contentType = contentType
            self.cacheControl = cacheControl
            self.contentEncoding = contentEncoding
        }
    }

    /// The error a call fails with when the store was told to fail.
    public struct InjectedFailure: Error, Equatable {
        /// The key of the upload that failed, or the call's name.
        public var what: String
    }

    /// The objects by key.
    public private(set) var objects: [String: Stored] = [:]
    /// How many `put` calls succeeded (to see what a deploy uploaded).
    public private(set) var putCount = 0
    /// The keys passed to `delete`, in order.
    public private(set) var deletedKeys: [String] = []
    private var putsBeforeFailure: Int?
    private var failList = false

    /// An empty store, or one holding these objects.
    public init(objects: [String: Stored] = [:]) {
        self.objects = objects
    }

    /// After `count` more successful uploads, every `put` fails until `stopFailing()`.
    public func failPuts(after count: Int) {
        putsBeforeFailure = count
    }

    /// Makes `list()` fail until `stopFailing()`.
    public func failListing() {
        failList = true
    }

    /// Lets every call succeed again.
    public func stopFailing() {
        putsBeforeFailure = nil
        failList = false
    }

    /// Replaces or adds an object directly, as another client would.
    public func store(_ key: String, _ stored: Stored) {
        objects[key] = stored
    }

    public func list() async throws -> [RemoteObject] {
        if failList { throw InjectedFailure(what: "list") }
        return objects.keys.sorted().map { key in
            let body = objects[key]!.body
            return RemoteObject(key: key, etag: Self.hex(Insecure.MD5.hash(data: body)), size: body.count)
        }
    }

    public func put(_ upload: ObjectUpload) async throws {
        if let left = putsBeforeFailure {
            if left <= 0 { throw InjectedFailure(what: upload.key) }
            putsBeforeFailure = left - 1
        }
        objects[upload.key] = Stored(body: upload.body, contentType: upload.contentType,
                                     cacheControl: upload.cacheControl, contentEncoding: upload.contentEncoding)
        putCount += 1
    }

    public func delete(_ keys: [String]) async throws {
        for key in keys { objects[key] = nil }
        deletedKeys += keys
    }

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
    }
}
