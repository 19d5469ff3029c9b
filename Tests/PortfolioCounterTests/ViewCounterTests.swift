import Foundation
import PortfolioCounter
import Testing

/// The counter API's rules, over every store: the contract, unknown ids, baselines,
/// renamed articles, imported counts, bots and the dedup window.
@Suite struct ViewCounterTests {
    static let manifest = CounterManifest(baselines: ["stp": 907, "c2m": 0, "社群電商": 12], oldIDs: ["stp": ["old-stp"]], origin: "https://example.com")
    static let reader = Viewer(address: "203.0.113.9", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0")

    /// A counter whose clock the test moves.
    final class Clock: @unchecked Sendable {
        var now = 1_800_000_000
    }

    func counter(_ driver: StoreDriver, clock: Clock = Clock()) async throws -> (ViewCounter, any CounterStore) {
        let store = try await driver.make().store
        let counter = ViewCounter(store: store, manifest: Self.manifest, rules: .hosted) { clock.now }
        try await counter.load(Self.manifest)
        return (counter, store)
    }

    static func object(_ answer: CounterAnswer) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(answer.json.utf8)) as? [String: Any])
    }

    @Test(arguments: StoreDriver.available) func theContractIncludesTheBaseline(_ driver: StoreDriver) async throws {
        let (counter, store) = try await counter(driver)
        let posted = try await counter.record("stp", by: Self.reader)
        #expect(posted.status == 200)
        #expect(try Self.object(posted)["id"] as? String == "stp")
        #expect(try Self.object(posted)["views"] as? Int == 908)
        let read = try await counter.read("stp,c2m,社群電商")
        #expect(read.status == 200)
        #expect(try Self.object(read) as NSDictionary == ["stp": 908, "c2m": 0, "社群電商": 12] as NSDictionary)
        try await store.close()
    }

    @Test(arguments: StoreDriver.available) func unknownIdsAreRefusedAndLeaveNoRow(_ driver: StoreDriver) async throws {
        let (counter, store) = try await counter(driver)
        #expect(try await counter.record("no-such-article", by: Self.reader).status == 404)
        #expect(try await counter.read("nope,nada").status == 404)
        #expect(try Self.object(try await counter.read("stp,nope")).keys.sorted() == ["stp"])
        #expect(try await counter.read("").status == 400)
        #expect(try await counter.read((0...ViewCounter.largestRead).map { "id\($0)" }.joined(separator: ",")).status == 400)
        #expect(try await store.all().isEmpty)
        try await store.close()
    }

    @Test(arguments: StoreDriver.available) func aRepeatViewCountsOnceAWindow(_ driver: StoreDriver) async throws {
        let clock = Clock()
        let (counter, store) = try await counter(driver, clock: clock)
        #expect(try Self.object(try await counter.record("c2m", by: Self.reader))["views"] as? Int == 1)
        clock.now += 29 * 60
        #expect(try Self.object(try await counter.record("c2m", by: Self.reader))["views"] as? Int == 1)
        // Another browser on the same address is another visitor.
        let other = Viewer(address: Self.reader.address, userAgent: "Mozilla/5.0 (iPhone) Safari/604.1")
        #expect(try Self.object(try await counter.record("c2m", by: other))["views"] as? Int == 2)
        clock.now += 60
        #expect(try Self.object(try await counter.record("c2m", by: Self.reader))["views"] as? Int == 3)
        let totals = await counter.totals
        #expect((totals.counted, totals.repeats) == (3, 1))
        try await store.close()
    }

    @Test(arguments: StoreDriver.available) func botsAreAnsweredButNotCounted(_ driver: StoreDriver) async throws {
        let (counter, store) = try await counter(driver)
        for agent in ["Mozilla/5.0 (compatible; Googlebot/2.1)", "Baiduspider+(+http://www.baidu.com/search/spider.htm)",
                      "curl/8.5.0", "Mozilla/5.0 HeadlessChrome/130.0", "facebookexternalhit/1.1", ""] {
            let answer = try await counter.record("stp", by: Viewer(address: "198.51.100.\(agent.count)", userAgent: agent))
            #expect(try Self.object(answer)["views"] as? Int == 907, "\(agent)")
        }
        #expect(try Self.object(try await counter.record("stp", by: Viewer(address: "198.51.100.1", userAgent: nil)))["views"] as? Int == 907)
        #expect(await counter.totals.bots == 7)
        #expect(try await store.all().isEmpty)
        try await store.close()
    }

    @Test(arguments: StoreDriver.available) func aRenamedArticleKeepsItsCount(_ driver: StoreDriver) async throws {
        let store = try await driver.make().store
        // Before the rename the article was `old-stp`, with views recorded under that id.
        let before = CounterManifest(baselines: ["old-stp": 907], oldIDs: [:], origin: nil)
        let first = ViewCounter(store: store, manifest: before, rules: .hosted)
        for i in 0..<3 { _ = try await first.record("old-stp", by: Viewer(address: "192.0.2.\(i)", userAgent: "Firefox")) }
        // Renamed to `stp` with `aliases: [/posts/old-stp/]`: the count carries over, under both ids.
        let after = ViewCounter(store: store, manifest: Self.manifest, rules: .hosted)
        try await after.load(Self.manifest)
        #expect(try Self.object(try await after.read("stp"))["stp"] as? Int == 910)
        #expect(try Self.object(try await after.record("old-stp", by: Self.reader)) as NSDictionary == ["id": "old-stp", "views": 911] as NSDictionary)
        #expect(try await store.counts(["stp"])["stp"]?.recorded == 1)
        #expect(try Self.object(try await after.read("old-stp,stp")) as NSDictionary == ["old-stp": 911, "stp": 911] as NSDictionary)
        try await store.close()
    }

    @Test(arguments: StoreDriver.available) func anImportedCountTakesThePlaceOfTheBaseline(_ driver: StoreDriver) async throws {
        let (counter, store) = try await counter(driver)
        _ = try await counter.record("stp", by: Self.reader)
        _ = try await store.setImported(["stp": 5000])
        _ = try await store.setImported(["stp": 5000])
        #expect(try Self.object(try await counter.read("stp"))["stp"] as? Int == 5001)
        try await store.close()
    }

    @Test func hugeCountsAreCapped() async throws {
        let store = InMemoryCounterStore(recorded: ["stp": Int.max])
        let counter = ViewCounter(store: store, manifest: Self.manifest, rules: .preview)
        #expect(try Self.object(try await counter.record("stp", by: Self.reader))["views"] as? Int == ViewCounter.largestAnswer)
    }

    @Test func idsAndOriginsComeFromTheManifestFile() throws {
        let bytes = CounterManifest.json([.init(id: "stp", views: 907, oldIDs: ["old-stp"]), .init(id: "c\"2m", views: 0, oldIDs: [])],
                                         origin: "https://example.com")
        let manifest = try CounterManifest.parse(Data(bytes), at: .init(path: "counter.json", line: 1))
        #expect(manifest == CounterManifest(baselines: ["stp": 907, "c\"2m": 0], oldIDs: ["stp": ["old-stp"]], origin: "https://example.com"))
        #expect(manifest.canonical("old-stp") == "stp")
        #expect(CounterManifest.oldID(fromAlias: "/posts/old-stp/") == "old-stp")
        #expect(CounterManifest.oldID(fromAlias: "/2019/05/old.html") == "old")
        #expect(throws: (any Error).self) { try CounterManifest.parse(Data("{\"articles\":[]}".utf8), at: .init(path: "x", line: 1)) }
    }
}
