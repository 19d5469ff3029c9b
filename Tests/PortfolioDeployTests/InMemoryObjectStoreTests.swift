import Crypto
import PortfolioDeploy
import Testing

@Suite("in-memory object store")
struct InMemoryObjectStoreTests {
    static func upload(_ key: String, _ text: String) -> ObjectUpload {
        let body = Array(text.utf8)
        return ObjectUpload(key: key, body: body, contentType: "text/plain; charset=utf-8", cacheControl: "no-cache",
                            contentEncoding: nil, md5: Array(Insecure.MD5.hash(data: body)))
    }

    /// The listing reports the MD5 of each body as its ETag, in lower-case hex, as S3 does.
    @Test func listingReportsTheMD5AsETag() async throws {
        let store = InMemoryObjectStore()
        try await store.put(Self.upload("a.txt", "abc"))
        #expect(try await store.list() == [RemoteObject(key: "a.txt", etag: "900150983cd24fb0d6963f7d28e17f72", size: 3)])
        try await store.delete(["a.txt"])
        #expect(try await store.list().isEmpty)
    }

    /// A store told to fail takes the allowed uploads, then refuses the rest until told to stop.
    @Test func failsAfterTheAllowedUploads() async throws {
        let store = InMemoryObjectStore()
        await store.failPuts(after: 1)
        try await store.put(Self.upload("a", "1"))
        await #expect(throws: InMemoryObjectStore.InjectedFailure.self) { try await store.put(Self.upload("b", "2")) }
        await store.stopFailing()
        try await store.put(Self.upload("b", "2"))
        #expect(try await store.list().map(\.key) == ["a", "b"])
    }
}
