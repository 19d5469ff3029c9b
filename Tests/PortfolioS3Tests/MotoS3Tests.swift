import Crypto
import Foundation
import PortfolioDeploy
import PortfolioPublish
@testable import PortfolioS3
import Testing

/// A bucket on the S3 stand-in that `scripts/with-moto` starts (`PORTFOLIO_TEST_S3`).
enum Moto {
    static let endpoint = ProcessInfo.processInfo.environment["PORTFOLIO_TEST_S3"]
    static var credentials: S3Credentials { try! S3Credentials.from(environment: ProcessInfo.processInfo.environment) }

    /// A client of a bucket with a new name, created unless `create` is false.
    static func client(create: Bool = true) async throws -> S3Client {
        let name = "portfolio-" + UUID().uuidString.lowercased().prefix(13)
        let client = S3Client(bucket: try S3Bucket(name: name, endpoint: endpoint!, pathStyle: true),
                              signer: SigV4Signer(credentials: credentials, region: "us-east-1"))
        if create {
            let request = S3HTTPRequest(method: "PUT", scheme: client.bucket.scheme, host: client.bucket.host, encodedPath: client.bucket.path(for: nil))
            _ = try await client.perform(request, operation: "creating the bucket")
        }
        return client
    }

    /// The stored object's answer to a GET: its headers and body.
    static func get(_ key: String, from client: S3Client) async throws -> S3HTTPResponse {
        let request = S3HTTPRequest(method: "GET", scheme: client.bucket.scheme, host: client.bucket.host, encodedPath: client.bucket.path(for: key))
        return try await client.perform(request, operation: "reading \(key)")
    }
}

/// What every `ObjectStore` must do, run against the in-memory store and, under
/// `scripts/with-moto`, against `S3Store` on a real S3 API.
@Suite("object store contract")
struct ObjectStoreContractTests {
    static func upload(_ key: String, _ text: String) -> ObjectUpload {
        let body = Array(text.utf8)
        return ObjectUpload(key: key, body: body, contentType: "text/plain; charset=utf-8", cacheControl: "no-cache",
                            contentEncoding: nil, md5: Array(Insecure.MD5.hash(data: body)))
    }

    static func contract(_ store: any ObjectStore) async throws {
        #expect(try await store.list().isEmpty)
        for (key, text) in [("index.html", "首頁"), ("posts/社群 電商/index.html", "社群"), ("a&b+c.txt", "x")] {
            try await store.put(Self.upload(key, text))
        }
        try await store.put(Self.upload("index.html", "新的首頁"))
        let listed = try await store.list().sorted { $0.key < $1.key }
        #expect(listed.map(\.key) == ["a&b+c.txt", "index.html", "posts/社群 電商/index.html"])
        #expect(listed[1] == RemoteObject(key: "index.html", etag: Self.upload("", "新的首頁").md5.map { String(format: "%02x", $0) }.joined(),
                                          size: "新的首頁".utf8.count))
        try await store.delete(["a&b+c.txt", "posts/社群 電商/index.html"])
        #expect(try await store.list().map(\.key) == ["index.html"])
    }

    @Test func inMemory() async throws {
        try await Self.contract(InMemoryObjectStore())
    }
}

@Suite("S3 store on moto", .enabled(if: Moto.endpoint != nil, "needs scripts/with-moto"))
struct MotoS3Tests {
    /// The contract holds under a prefix, and objects outside the prefix are not seen.
    @Test func contractUnderAPrefix() async throws {
        let client = try await Moto.client()
        try await client.put(key: "elsewhere.html", body: [1], md5: Array(Insecure.MD5.hash(data: [1])), headers: [])
        try await ObjectStoreContractTests.contract(S3Store(client: client, prefix: "blog/"))
        #expect(try await client.list(prefix: "").map(\.key).sorted() == ["blog/index.html", "elsewhere.html"])
    }

    /// A deploy's headers are stored and served back as given.
    @Test func headersAreStored() async throws {
        let client = try await Moto.client()
        let page = Array("<p>社群</p>".utf8), body = try #require(Gzip.compress(page, level: 6))
        try await S3Store(client: client, prefix: "").put(ObjectUpload(key: "posts/社群/index.html", body: body,
            contentType: "text/html; charset=utf-8", cacheControl: "public, max-age=0, must-revalidate", contentEncoding: "gzip",
            md5: Array(Insecure.MD5.hash(data: body))))
        let answer = try await Moto.get("posts/社群/index.html", from: client)
        // The shared HTTP client inflates a gzip answer, so the page comes back as written.
        #expect(answer.body == page)
        #expect(answer.header("content-type") == "text/html; charset=utf-8")
        #expect(answer.header("cache-control") == "public, max-age=0, must-revalidate")
        #expect(answer.header("content-encoding") == "gzip")
    }

    /// More than one page of listing (moto pages at a thousand keys) comes back whole.
    @Test func listingPastOnePage() async throws {
        let client = try await Moto.client()
        let keys = (0..<1003).map { "p/\($0).txt" }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for slice in stride(from: 0, to: keys.count, by: 100) {
                group.addTask { for key in keys[slice..<min(keys.count, slice + 100)] {
                    try await client.put(key: key, body: [2], md5: Array(Insecure.MD5.hash(data: [2])), headers: []) } }
            }
            try await group.waitForAll()
        }
        #expect(try await client.list(prefix: "p/").map(\.key).sorted() == keys.sorted())
        try await client.delete(keys: keys)
        #expect(try await client.list(prefix: "").isEmpty)
    }

    /// A bucket that does not exist is reported as such.
    @Test func missingBucket() async throws {
        let client = try await Moto.client(create: false)
        await #expect { try await client.list(prefix: "") } throws: { error in
            (error as? S3Error)?.kind == .noSuchBucket && "\(error)".contains("bucket \(client.bucket.name) does not exist")
        }
    }
}
