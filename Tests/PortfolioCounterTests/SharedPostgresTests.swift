import Foundation
import PortfolioCounter
import PortfolioCounterPostgres
import Testing

/// Two service instances sharing one PostgreSQL, each with its own connection pool, taking
/// requests in turn: counts are exact and a repeat view is refused by either instance.
@Suite(.enabled(if: StoreDriver.postgresURL != nil, "needs PORTFOLIO_TEST_POSTGRES (scripts/with-postgres)"))
struct SharedPostgresTests {
    @Test func twoInstancesEndWithExactCounts() async throws {
        let url = try await StoreDriver.freshDatabase()
        let stores = [try await PostgresCounterStore.open(url: url), try await PostgresCounterStore.open(url: url)]
        let manifest = ViewCounterTests.manifest
        let counters = stores.map { ViewCounter(store: $0, manifest: manifest, rules: .hosted) }
        let ids = ["stp", "c2m", "社群電商"]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<600 {
                group.addTask {
                    let viewer = Viewer(address: "10.0.\(i / 250).\(i % 250)", userAgent: "Firefox/\(i)")
                    _ = try await counters[i % 2].record(ids[i % 3], by: viewer)
                    // The same visitor again, on the other instance: not counted.
                    _ = try await counters[(i + 1) % 2].record(ids[i % 3], by: viewer)
                }
            }
            try await group.waitForAll()
        }
        let recorded = try await stores[0].counts(ids).mapValues(\.recorded)
        #expect(recorded == ["stp": 200, "c2m": 200, "社群電商": 200])
        let totals = [await counters[0].totals, await counters[1].totals]
        #expect(totals[0].counted + totals[1].counted == 600)
        #expect(totals[0].repeats + totals[1].repeats == 600)
        for store in stores { try await store.close() }
    }
}
