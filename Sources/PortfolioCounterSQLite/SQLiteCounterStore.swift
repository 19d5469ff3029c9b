import Foundation
import GRDB
import PortfolioCore
import PortfolioCounter

/// The counter's embedded store: one SQLite file in WAL mode, flushed to disk at every
/// commit (`synchronous = FULL`), so neither `kill -9` nor a power loss loses an answered
/// view. Views arrive in batches (see `GroupCommit`), one transaction each; reads run on
/// their own connections beside the writer.
public final class SQLiteCounterStore: CounterStore {
    public let file: URL
    let pool: DatabasePool

    /// Opens (or creates) the database and brings its schema up to date.
    public init(file: URL) throws(PortfolioError) {
        self.file = file
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        do {
            pool = try DatabasePool(path: file.path, configuration: configuration)
            try pool.write { db in try SQLiteMigrations.apply(db) }
        } catch {
            throw PortfolioError(.counter, "cannot open the counts database: \(Self.reason(error))", at: SourceLocation(path: file.path, line: 1))
        }
    }

    public func record(_ views: [RecordedView]) async throws -> [RecordOutcome] {
        try await pool.write { db in try Self.record(views, in: db) }
    }

    static func record(_ views: [RecordedView], in db: Database) throws -> [RecordOutcome] {
        let remember = try db.cachedStatement(sql: """
            INSERT INTO visitors (visitor, id, at) VALUES (?, ?, ?)
            ON CONFLICT (visitor, id) DO UPDATE SET at = excluded.at WHERE visitors.at <= ?
            """)
        var counted: [Bool] = []
        for view in views {
            var counts = true
            if let visitor = view.visitor {
                try remember.execute(arguments: [visitor, view.id, view.at, view.at - view.window])
                counts = db.changesCount > 0
            }
            counted.append(counts)
        }
        let tally = ViewTally(views, counted: counted)
        // The upsert returns the new count, so ids with views need no read after it.
        let bump = try db.cachedStatement(sql: """
            INSERT INTO counts (id, views) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET views = views + excluded.views
            RETURNING views, imported
            """)
        var totals: [String: StoredCount] = [:]
        for (id, n) in tally.perID.sorted(by: { $0.key < $1.key }) {
            if let row = try Row.fetchOne(bump, arguments: [id, n]) { totals[id] = StoredCount(recorded: row[0], imported: row[1]) }
        }
        let daily = try db.cachedStatement(sql: "INSERT INTO daily (day, id, views) VALUES (?, ?, ?) ON CONFLICT (day, id) DO UPDATE SET views = views + excluded.views")
        for (key, n) in tally.perDay { try daily.execute(arguments: [key.day, key.id, n]) }
        let unread = Set(views.map(\.id)).subtracting(totals.keys)
        if !unread.isEmpty { totals.merge(try counts(Array(unread), in: db)) { new, _ in new } }
        return zip(views, counted).map { RecordOutcome(counted: $1, count: totals[$0.id] ?? StoredCount()) }
    }

    public func counts(_ ids: [String]) async throws -> [String: StoredCount] {
        try await pool.read { db in try Self.counts(ids, in: db) }
    }

    static func counts(_ ids: [String], in db: Database) throws -> [String: StoredCount] {
        let read = try db.cachedStatement(sql: "SELECT views, imported FROM counts WHERE id = ?")
        var result: [String: StoredCount] = [:]
        for id in ids {
            if let row = try Row.fetchOne(read, arguments: [id]) { result[id] = StoredCount(recorded: row[0], imported: row[1]) }
        }
        return result
    }

    public func all() async throws -> [String: StoredCount] {
        try await pool.read { db in
            var result: [String: StoredCount] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, views, imported FROM counts") {
                result[row[0]] = StoredCount(recorded: row[1], imported: row[2])
            }
            return result
        }
    }

    public func setImported(_ counts: [String: Int]) async throws -> Int {
        try await pool.write { db in
            let set = try db.cachedStatement(sql: """
                INSERT INTO counts (id, views, imported) VALUES (?, 0, ?)
                ON CONFLICT (id) DO UPDATE SET imported = excluded.imported WHERE counts.imported IS NOT excluded.imported
                """)
            var changed = 0
            for (id, views) in counts.sorted(by: { $0.key < $1.key }) {
                try set.execute(arguments: [id, views])
                changed += db.changesCount
            }
            return changed
        }
    }

    public func recorded(sinceDay day: Int) async throws -> [String: Int] {
        try await pool.read { db in
            var result: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, SUM(views) FROM daily WHERE day >= ? GROUP BY id", arguments: [day]) {
                result[row[0]] = row[1]
            }
            return result
        }
    }

    public func salt(forDay day: Int) async throws -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let fresh = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return try await pool.write { db in
            try db.execute(sql: "DELETE FROM salts WHERE day < ?", arguments: [day])
            try db.execute(sql: "INSERT INTO salts (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING", arguments: [day, fresh])
            let salt = try Data.fetchOne(db, sql: "SELECT salt FROM salts WHERE day = ?", arguments: [day]) ?? fresh
            return Array(salt)
        }
    }

    public func forgetVisitors(before time: Int) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM visitors WHERE at < ?", arguments: [time]) }
    }

    public func stats(today: Int) async throws -> StoreStats {
        try await pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(SUM(views), 0), COALESCE(SUM(imported), 0) FROM counts")!
            let todayViews = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(views), 0) FROM daily WHERE day = ?", arguments: [today]) ?? 0
            return StoreStats(ids: row[0], recorded: row[1], imported: row[2], recordedToday: todayViews,
                              schemaVersion: try SQLiteMigrations.version(db))
        }
    }

    public func close() async throws {
        try pool.close()
    }

    static func reason(_ error: any Error) -> String {
        (error as? DatabaseError).map { $0.message ?? "\($0)" } ?? "\(error)"
    }
}
