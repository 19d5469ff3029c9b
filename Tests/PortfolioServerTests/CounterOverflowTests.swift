import PortfolioCounter
import Foundation
import HummingbirdTesting
import PortfolioCore
@testable import PortfolioServer
import PortfolioTestSupport
import Testing

/// No count, however large, crashes the server: sums and increments saturate, and answers
/// are capped at the largest integer a browser reads exactly.
@Suite struct CounterOverflowTests {
    /// JavaScript's `Number.MAX_SAFE_INTEGER`.
    static let largest = 9_007_199_254_740_991

    @Test func aHugeRecordedCountIsCappedNotACrash() async throws {
        let id = try ServerFixture.slug(in: try FixtureSite(), ofPost: 4)
        let fixture = try await ServerFixture(store: InMemoryCounterStore(recorded: [id: Int.max]))
        try await fixture.test { client in
            let post = try await client.execute(uri: "/api/views/\(CounterAPITests.encoded(id))", method: .post)
            #expect(post.status == .ok)
            #expect(try CounterAPITests.json(post)["views"] as? Int == Self.largest)
            let read = try await client.execute(uri: "/api/views?ids=\(CounterAPITests.encoded(id))", method: .get)
            #expect(try CounterAPITests.json(read)[id] as? Int == Self.largest)
        }
    }

    @Test func aHugeBaselineIsCappedNotACrash() async throws {
        let fixture = try await ServerFixture()
        let id = try fixture.slug(ofPost: 5)
        try await fixture.server.counters.load(CounterManifest(baselines: [id: Int.max], oldIDs: [:], origin: nil))
        try await fixture.test { client in
            for _ in 0..<2 {
                let post = try await client.execute(uri: "/api/views/\(CounterAPITests.encoded(id))", method: .post)
                #expect(post.status == .ok)
                #expect(try CounterAPITests.json(post)["views"] as? Int == Self.largest)
            }
            let read = try await client.execute(uri: "/api/views?ids=\(CounterAPITests.encoded(id))", method: .get)
            #expect(try CounterAPITests.json(read)[id] as? Int == Self.largest)
        }
    }

    @Test(arguments: ["memory", "file"])
    func storesStopAtTheLargestCount(_ kind: String) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("views-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("{\"stp\": \(Int.max)}\n".utf8).write(to: file)
        let store: any CounterStore = kind == "memory" ? InMemoryCounterStore(recorded: ["stp": Int.max]) : try FileViewCountStore(file: file)
        #expect(try await store.increment("stp") == Int.max)
        #expect(try await store.increment("stp") == Int.max)
        #expect(try await store.recordedCounts(["stp"]) == ["stp": Int.max])
        if kind == "file" { #expect(try FileViewCountStore.read(file) == ["stp": Int.max]) }
    }

    @Test(arguments: ["9223372036854775808", "1e30", "1.5", "-1"])
    func aCountFileBeyondTheRangeIsAnError(_ number: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("views-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("{\"stp\": \(number)}".utf8).write(to: file)
        #expect(throws: PortfolioError.self) { try FileViewCountStore(file: file) }
    }

    @Test func sumsSaturateAndAnswersAreCapped() {
        #expect(ViewCounter.largestAnswer == Self.largest)
        #expect(Int.min.saturatingAdding(-1) == Int.min)
        #expect(Int.max.saturatingAdding(1) == Int.max)
    }
}
