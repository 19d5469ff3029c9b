import PortfolioCore
import PortfolioDeploy

/// A deploy target's bucket and prefix as an `ObjectStore`: the deploy engine's keys are
/// relative to the prefix, the client's are full keys.
public struct S3Store: ObjectStore {
    /// The client of the bucket.
    public let client: S3Client
    /// The folder in the bucket: empty, or ending in `/`.
    public let prefix: String

    /// A store of the objects under `prefix` in the client's bucket.
    public init(client: S3Client, prefix: String) {
        self.client = client
        self.prefix = prefix
    }

    /// The store for `target`, signing with `credentials`.
    public init(target: S3Target, credentials: S3Credentials, transport: any S3Transport = HTTPClientTransport()) throws(PortfolioErrors) {
        let bucket = try S3Bucket(name: target.bucket, endpoint: target.endpoint, pathStyle: target.pathStyle)
        self.init(client: S3Client(bucket: bucket, signer: SigV4Signer(credentials: credentials, region: target.region), transport: transport),
                  prefix: target.prefix)
    }

    public func list() async throws -> [RemoteObject] {
        try await client.list(prefix: prefix).compactMap { object in
            guard object.key.hasPrefix(prefix) else { return nil }
            var relative = object
            relative.key = String(object.key.dropFirst(prefix.count))
            return relative
        }
    }

    public func put(_ upload: ObjectUpload) async throws {
        var headers = [(name: "content-type", value: upload.contentType), (name: "cache-control", value: upload.cacheControl)]
        if let encoding = upload.contentEncoding { headers.append(("content-encoding", encoding)) }
        try await client.put(key: prefix + upload.key, body: upload.body, md5: upload.md5, headers: headers)
    }

    public func delete(_ keys: [String]) async throws {
        try await client.delete(keys: keys.map { prefix + $0 })
    }
}
