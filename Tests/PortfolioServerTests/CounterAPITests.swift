import PortfolioCounter
import Foundation
import Hummingbird
import HummingbirdTesting
import PortfolioCore
@testable import PortfolioServer
import PortfolioTestSupport
import Testing

/// The view counter contract, served by the preview server.
@Suite struct CounterAPITests {
    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    static func encoded(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    @Test func recordsAndReadsCountsOnTopOfTheBaseline() async throws {
        let fixture = try await ServerFixture()
        let a = try fixture.slug(ofPost: 4), b = try fixture.slug(ofPost: 5)
        let baseA = (4 * 37) % 500, baseB = (5 * 37) % 500
        try await fixture.test { client in
            let first = try await client.execute(uri: "/api/views/\(Self.encoded(a))", method: .post)
            #expect(first.status == .ok)
            #expect(first.headers[.contentType] == "application/json; charset=utf-8")
            let body = try Self.json(first)
            #expect(body["id"] as? String == a)
            #expect(body["views"] as? Int == baseA + 1)
            _ = try await client.execute(uri: "/api/views/\(Self.encoded(a))", method: .post)
            let read = try await client.execute(uri: "/api/views?ids=\(Self.encoded(a)),\(Self.encoded(b))", method: .get)
            #expect(read.status == .ok)
            let counts = try Self.json(read)
            #expect(counts[a] as? Int == baseA + 2)
            #expect(counts[b] as? Int == baseB)
            #expect(counts.count == 2)
        }
    }

    @Test func unknownIdsAreRefused() async throws {
        let fixture = try await ServerFixture()
        let known = try fixture.slug(ofPost: 4)
        try await fixture.test { client in
            #expect(try await client.execute(uri: "/api/views/no-such-article", method: .post).status == .notFound)
            // A read answers the ids it knows (a page may be newer than the counter's manifest) and refuses only when it knows none.
            let mixed = try Self.json(try await client.execute(uri: "/api/views?ids=\(Self.encoded(known)),nope", method: .get))
            #expect(mixed[known] != nil && mixed["nope"] == nil)
            #expect(try await client.execute(uri: "/api/views?ids=nope,nada", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/api/views", method: .get).status == .badRequest)
            let after = try Self.json(try await client.execute(uri: "/api/views?ids=\(Self.encoded(known))", method: .get))
            #expect(after[known] as? Int == (4 * 37) % 500)
        }
    }

    @Test func concurrentIncrementsLoseNothing() async throws {
        let fixture = try await ServerFixture()
        let id = try fixture.slug(ofPost: 6)
        try await fixture.test { client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<200 {
                    group.addTask { Int(try await client.execute(uri: "/api/views/\(Self.encoded(id))", method: .post).status.code) }
                }
                for try await code in group { #expect(code == 200) }
            }
            let counts = try Self.json(try await client.execute(uri: "/api/views?ids=\(Self.encoded(id))", method: .get))
            #expect(counts[id] as? Int == (6 * 37) % 500 + 200)
        }
    }

    @Test(arguments: ["memory", "file"])
    func storesCountEveryIncrementFromManyTasks(_ kind: String) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("views-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let store: any CounterStore = kind == "memory" ? InMemoryCounterStore() : try FileViewCountStore(file: file)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<1000 { group.addTask { _ = try await store.increment(i % 2 == 0 ? "社群" : "stp") } }
            try await group.waitForAll()
        }
        #expect(try await store.recordedCounts(["社群", "stp", "none"]) == ["社群": 500, "stp": 500, "none": 0])
    }

    @Test func theFileStoreKeepsCountsAcrossARestart() async throws {
        let site = try FixtureSite()
        let file = site.url(".portfolio/views.json")
        let id = try ServerFixture.slug(in: site, ofPost: 7)
        let base = (7 * 37) % 500
        do {
            let first = try await ServerFixture(site: site, viewsFile: file, keepSite: true)
            try await first.test { client in
                for _ in 0..<3 { _ = try await client.execute(uri: "/api/views/\(Self.encoded(id))", method: .post) }
            }
            first.server.stop()
        }
        let second = try await ServerFixture(site: site, viewsFile: file)
        try await second.test { client in
            let counts = try Self.json(try await client.execute(uri: "/api/views?ids=\(Self.encoded(id))", method: .get))
            #expect(counts[id] as? Int == base + 3)
            let next = try Self.json(try await client.execute(uri: "/api/views/\(Self.encoded(id))", method: .post))
            #expect(next["views"] as? Int == base + 4)
        }
        #expect(try FileViewCountStore.read(file) == [id: 4])
    }

    @Test func aBrokenCountsFileIsAnErrorNotAnEmptyStore() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("views-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("[1, 2".utf8).write(to: file)
        #expect(throws: PortfolioError.self) { try FileViewCountStore(file: file) }
    }
}
