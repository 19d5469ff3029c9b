import Foundation
import PortfolioCounter
import Testing

/// One suite for every store driver: what `CounterStore` promises.
@Suite struct CounterStoreTests {
    static let window = 1800

    func view(_ id: String, _ visitor: String?, at: Int) -> RecordedView {
        RecordedView(id: id, visitor: visitor, at: at, window: Self.window)
    }

    @Test(arguments: StoreDriver.available) func countsAndAnswersAfterTheCommit(_ driver: StoreDriver) async throws {
        let store = try await driver.make().store
        let outcomes = try await store.record([view("stp", "a", at: 1000), view("stp", "b", at: 1000), view("c2m", "a", at: 1000)])
        #expect(outcomes.map(\.counted) == [true, true, true])
        #expect(outcomes.map(\.count.recorded) == [2, 2, 1])
        #expect(try await store.counts(["stp", "c2m", "never"]) == ["stp": StoredCount(recorded: 2), "c2m": StoredCount(recorded: 1)])
        try await store.close()
    }

    @Test(arguments: StoreDriver.available) func aRepeatWithinTheWindowCountsOnce(_ driver: StoreDriver) async throws {
        let store = try await driver.make().store
        #expect(try await store.record([view("stp", "a", at: 1000)])[0].counted)
        #expect(try await store.record([view("stp", "a", at: 1000 + Self.window - 1)])[0].counted == false)
        // The window runs from the view that counted, not from the last repeat.
        #expect(try await store.record([view("stp", "a", at: 1000 + Self.window)])[0].counted)
        // Within one batch too, and a view with no visitor always counts.
        let batch = try await store.record([view("c2m", "x", at: 5000), view("c2m", "x", at: 5001), view("c2m", nil, at: 5002)])
        #expect(batch.map(\.counted) == [true, false, true])
        #expect(try await store.counts(["stp", "c2m"]).mapValues(\.recorded) == ["stp": 2, "c2m": 2])
        try await store.close()
    }

    @Test(arguments: StoreDriver.available) func concurrentViewsShareCommitsAndAllCount(_ driver: StoreDriver) async throws {
        let store = try await driver.make().store
        let commits = GroupCommit(store: store)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<500 { group.addTask { _ = try await commits.record(view(i % 2 == 0 ? "社群" : "stp", "v\(i)", at: 1000)) } }
            try await group.waitForAll()
        }
        #expect(try await store.counts(["社群", "stp"]).mapValues(\.recorded) == ["社群": 250, "stp": 250])
        #expect(await commits.views == 500)
        #expect(await commits.batches < 500)
        try await store.close()
    }

    @Test(arguments: StoreDriver.available) func importingTwiceChangesNothing(_ driver: StoreDriver) async throws {
        let store = try await driver.make().store
        _ = try await store.record([view("stp", "a", at: 1000)])
        #expect(try await store.setImported(["stp": 907, "c2m": 12]) == 2)
        #expect(try await store.setImported(["stp": 907, "c2m": 12]) == 0)
        #expect(try await store.setImported(["stp": 908]) == 1)
        #expect(try await store.all() == ["stp": StoredCount(recorded: 1, imported: 908), "c2m": StoredCount(recorded: 0, imported: 12)])
        try await store.close()
    }

    @Test(arguments: StoreDriver.available) func viewsPerDayAndStats(_ driver: StoreDriver) async throws {
        let store = try await driver.make().store
        let day = 20_000 * 86_400
        _ = try await store.record([view("stp", "a", at: day - 10), view("stp", "b", at: day + 10), view("c2m", "a", at: day + 20)])
        #expect(try await store.recorded(sinceDay: 20_000) == ["stp": 1, "c2m": 1])
        #expect(try await store.recorded(sinceDay: 19_999) == ["stp": 2, "c2m": 1])
        let stats = try await store.stats(today: 20_000)
        #expect((stats.ids, stats.recorded, stats.recordedToday) == (2, 3, 2))
        try await store.close()
    }

    @Test(arguments: StoreDriver.available) func oneSaltPerDayAndOldVisitorsForgotten(_ driver: StoreDriver) async throws {
        let store = try await driver.make().store
        let first = try await store.salt(forDay: 100)
        #expect(first.count >= 32)
        #expect(try await store.salt(forDay: 100) == first)
        #expect(try await store.salt(forDay: 101) != first)
        _ = try await store.record([view("stp", "a", at: 1000)])
        try await store.forgetVisitors(before: 1001)
        // Forgotten, the visitor counts again (the service forgets only after the window).
        #expect(try await store.record([view("stp", "a", at: 1002)])[0].counted)
        try await store.close()
    }

    @Test(arguments: StoreDriver.available.filter { $0 != .memory }) func countsSurviveReopening(_ driver: StoreDriver) async throws {
        let made = try await driver.make()
        _ = try await made.store.record([view("stp", "a", at: 1000), view("stp", "b", at: 1000)])
        _ = try await made.store.setImported(["stp": 5])
        try await made.store.close()
        let again = try await made.reopen!()
        #expect(try await again.counts(["stp"]) == ["stp": StoredCount(recorded: 2, imported: 5)])
        #expect(try await again.record([view("stp", "a", at: 1001)])[0].counted == false)
        #expect(try await again.stats(today: 0).schemaVersion == 1)
        try await again.close()
    }
}
