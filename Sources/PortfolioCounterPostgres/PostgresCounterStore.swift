import Foundation
import Logging
import PortfolioCore
import PortfolioCounter
import PostgresNIO

/// The counter's shared store: PostgreSQL, for several `portfolio counter serve`
/// instances behind one load balancer. Each batch of views is one transaction; which
/// visitor saw what lives in the database, so a repeat view is refused by whichever
/// instance gets it. Rows are locked in one order (sorted keys), so two instances'
/// batches never deadlock.
public final class PostgresCounterStore: CounterStore {
    let client: PostgresClient
    let runner: Task<Void, Never>
    let logger = Logger(label: "portfolio.counter.postgres")

    private init(client: PostgresClient) {
        self.client = client
        self.runner = Task { await client.run() }
    }

    /// Connects to the server a `postgres://user:password@host:port/database` URL names
    /// and brings the schema up to date. `?sslmode=require` insists on TLS; by default
    /// TLS is used when the server offers it.
    public static func open(url: String) async throws(PortfolioError) -> PostgresCounterStore {
        let configuration = try PostgresURL.configuration(url)
        var background = Logger(label: "portfolio.counter.postgres")
        background.logLevel = .error  // the pool's retries are not news; failed queries are thrown
        let store = PostgresCounterStore(client: PostgresClient(configuration: configuration, backgroundLogger: background))
        do {
            try await store.client.withTransaction(logger: store.logger) { connection in
                try await PostgresMigrations.apply(connection, logger: store.logger)
            }
        } catch {
            store.runner.cancel()
            throw PortfolioError(.counter, "cannot use the PostgreSQL database at \(PostgresURL.redacted(url)): \(String(reflecting: error))")
        }
        return store
    }

    public func record(_ views: [RecordedView]) async throws -> [RecordOutcome] {
        try await client.withTransaction(logger: logger) { connection in
            let counted = try await Self.remember(views, on: connection, logger: logger)
            let tally = ViewTally(views, counted: counted)
            let added = tally.perID, days = tally.perDay
            let ids = added.keys.sorted()
            if !ids.isEmpty {
                let n = ids.map { added[$0]! }
                try await connection.query("""
                    INSERT INTO counts AS c (id, views) SELECT * FROM unnest(\(ids)::text[], \(n)::bigint[])
                    ON CONFLICT (id) DO UPDATE SET views = c.views + excluded.views
                    """, logger: logger)
                let keys = days.keys.sorted { ($0.day, $0.id) < ($1.day, $1.id) }
                let dayList = keys.map(\.day), idList = keys.map(\.id), viewList = keys.map { days[$0]! }
                try await connection.query("""
                    INSERT INTO daily AS d (day, id, views) SELECT * FROM unnest(\(dayList)::bigint[], \(idList)::text[], \(viewList)::bigint[])
                    ON CONFLICT (day, id) DO UPDATE SET views = d.views + excluded.views
                    """, logger: logger)
            }
            let totals = try await Self.counts(Array(Set(views.map(\.id))), on: connection, logger: logger)
            return zip(views, counted).map { RecordOutcome(counted: $1, count: totals[$0.id] ?? StoredCount()) }
        }
    }

    /// Marks which views count: those without a visitor, and the first view of each visitor
    /// and article whose last counted view is a window or more ago.
    static func remember(_ views: [RecordedView], on connection: PostgresConnection, logger: Logger) async throws -> [Bool] {
        var first: [VisitorKeyPair: Int] = [:]
        for (index, view) in views.enumerated() {
            guard let visitor = view.visitor else { continue }
            let key = VisitorKeyPair(visitor: visitor, id: view.id, window: view.window)
            if first[key] == nil { first[key] = index }
        }
        var fresh: Set<VisitorKeyPair> = []
        for window in Set(first.keys.map(\.window)).sorted() {
            let keys = first.keys.filter { $0.window == window }.sorted { ($0.visitor, $0.id) < ($1.visitor, $1.id) }
            let visitors = keys.map(\.visitor), ids = keys.map(\.id), times = keys.map { views[first[$0]!].at }
            let rows = try await connection.query("""
                INSERT INTO visitors AS v (visitor, id, at) SELECT * FROM unnest(\(visitors)::text[], \(ids)::text[], \(times)::bigint[])
                ON CONFLICT (visitor, id) DO UPDATE SET at = excluded.at WHERE v.at <= excluded.at - \(window)
                RETURNING visitor, id
                """, logger: logger)
            for try await (visitor, id) in rows.decode((String, String).self) {
                fresh.insert(VisitorKeyPair(visitor: visitor, id: id, window: window))
            }
        }
        return views.enumerated().map { index, view in
            guard let visitor = view.visitor else { return true }
            let key = VisitorKeyPair(visitor: visitor, id: view.id, window: view.window)
            return first[key] == index && fresh.contains(key)
        }
    }

    public func counts(_ ids: [String]) async throws -> [String: StoredCount] {
        try await client.withConnection { connection in try await Self.counts(ids, on: connection, logger: logger) }
    }

    static func counts(_ ids: [String], on connection: PostgresConnection, logger: Logger) async throws -> [String: StoredCount] {
        var result: [String: StoredCount] = [:]
        let rows = try await connection.query("SELECT id, views, imported FROM counts WHERE id = ANY(\(ids)::text[])", logger: logger)
        for try await (id, views, imported) in rows.decode((String, Int, Int?).self) {
            result[id] = StoredCount(recorded: views, imported: imported)
        }
        return result
    }

    public func all() async throws -> [String: StoredCount] {
        var result: [String: StoredCount] = [:]
        let rows = try await client.query("SELECT id, views, imported FROM counts", logger: logger)
        for try await (id, views, imported) in rows.decode((String, Int, Int?).self) {
            result[id] = StoredCount(recorded: views, imported: imported)
        }
        return result
    }

    public func setImported(_ counts: [String: Int]) async throws -> Int {
        let ids = counts.keys.sorted(), views = ids.map { counts[$0]! }
        return try await client.withTransaction(logger: logger) { connection in
            let rows = try await connection.query("""
                INSERT INTO counts AS c (id, views, imported) SELECT id, 0, imported FROM unnest(\(ids)::text[], \(views)::bigint[]) AS t(id, imported)
                ON CONFLICT (id) DO UPDATE SET imported = excluded.imported WHERE c.imported IS DISTINCT FROM excluded.imported
                RETURNING id
                """, logger: logger)
            var changed = 0
            for try await _ in rows.decode(String.self) { changed += 1 }
            return changed
        }
    }

    public func recorded(sinceDay day: Int) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        let rows = try await client.query("SELECT id, SUM(views)::bigint FROM daily WHERE day >= \(day) GROUP BY id", logger: logger)
        for try await (id, views) in rows.decode((String, Int).self) { result[id] = views }
        return result
    }

    public func salt(forDay day: Int) async throws -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let fresh = (0..<32).map { _ in String(UInt8.random(in: .min ... .max, using: &generator), radix: 16).leftPadded() }.joined()
        return try await client.withTransaction(logger: logger) { connection in
            try await connection.query("DELETE FROM salts WHERE day < \(day)", logger: logger)
            try await connection.query("INSERT INTO salts (day, salt) VALUES (\(day), \(fresh)) ON CONFLICT (day) DO NOTHING", logger: logger)
            var salt = fresh
            for try await stored in try await connection.query("SELECT salt FROM salts WHERE day = \(day)", logger: logger).decode(String.self) {
                salt = stored
            }
            return Array(salt.utf8)
        }
    }

    public func forgetVisitors(before time: Int) async throws {
        try await client.query("DELETE FROM visitors WHERE at < \(time)", logger: logger)
    }

    public func stats(today: Int) async throws -> StoreStats {
        var stats = StoreStats(ids: 0, recorded: 0, imported: 0, recordedToday: 0, schemaVersion: 0)
        let totals = try await client.query("SELECT COUNT(*)::bigint, COALESCE(SUM(views), 0)::bigint, COALESCE(SUM(imported), 0)::bigint FROM counts", logger: logger)
        for try await (ids, recorded, imported) in totals.decode((Int, Int, Int).self) {
            (stats.ids, stats.recorded, stats.imported) = (ids, recorded, imported)
        }
        let day = try await client.query("SELECT COALESCE(SUM(views), 0)::bigint FROM daily WHERE day = \(today)", logger: logger)
        for try await views in day.decode(Int.self) { stats.recordedToday = views }
        stats.schemaVersion = try await client.withConnection { try await PostgresMigrations.version($0, logger: logger) }
        return stats
    }

    public func close() async throws {
        runner.cancel()
        await runner.value
    }
}

/// A visitor's view of an article under one window, the key of the dedup within a batch.
struct VisitorKeyPair: Hashable {
    var visitor: String
    var id: String
    var window: Int
}

extension String {
    /// Two hex digits.
    func leftPadded() -> String { count < 2 ? "0" + self : self }
}
