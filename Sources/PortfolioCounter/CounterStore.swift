/// One view to record: the article's id (as the manifest names it today), who viewed it
/// (a keyed hash that changes every day; nil counts every view), when (seconds since
/// 1970, UTC), and how long a repeat view by the same visitor is not counted again.
public struct RecordedView: Sendable, Equatable {
    public var id: String
    public var visitor: String?
    public var at: Int
    public var window: Int

    public init(id: String, visitor: String?, at: Int, window: Int) {
        self.id = id
        self.visitor = visitor
        self.at = at
        self.window = window
    }

    /// The UTC day of the view, as days since 1970.
    public var day: Int { at.floorDivided(by: 86_400) }
}

/// What a store holds for one id: the views it recorded, and the count imported from an
/// old platform (which takes the place of the front matter baseline when set).
public struct StoredCount: Sendable, Equatable {
    public var recorded: Int
    public var imported: Int?

    public init(recorded: Int = 0, imported: Int? = nil) {
        self.recorded = recorded
        self.imported = imported
    }
}

/// The outcome of one recorded view, once its transaction is committed.
public struct RecordOutcome: Sendable, Equatable {
    /// Whether the view counted (false for a repeat within the window).
    public var counted: Bool
    /// The id's count after the commit.
    public var count: StoredCount

    public init(counted: Bool, count: StoredCount) {
        self.counted = counted
        self.count = count
    }
}

/// Totals over a store, for `portfolio counter stats`.
public struct StoreStats: Sendable, Equatable {
    public var ids: Int
    public var recorded: Int
    public var imported: Int
    public var recordedToday: Int
    public var schemaVersion: Int

    public init(ids: Int, recorded: Int, imported: Int, recordedToday: Int, schemaVersion: Int) {
        self.ids = ids
        self.recorded = recorded
        self.imported = imported
        self.recordedToday = recordedToday
        self.schemaVersion = schemaVersion
    }
}

/// Where the counter keeps its counts. Every driver (in memory, SQLite, PostgreSQL)
/// passes the same test suite.
///
/// `record` is the only write of a view. It applies a batch in one transaction and
/// returns only once that is durable, so an answered view is never lost. Within a batch,
/// and across every process sharing the store, a visitor's view of an article counts once
/// per window: the first one counts, repeats until `at + window` do not.
public protocol CounterStore: Sendable {
    /// Records the views, in order, and returns an outcome for each.
    func record(_ views: [RecordedView]) async throws -> [RecordOutcome]
    /// The stored counts of the ids (ids never seen are left out).
    func counts(_ ids: [String]) async throws -> [String: StoredCount]
    /// Every id's stored count.
    func all() async throws -> [String: StoredCount]
    /// Sets imported counts (the same file imported twice changes nothing); returns how
    /// many ids changed.
    func setImported(_ counts: [String: Int]) async throws -> Int
    /// Views recorded per id on the days from `day` on.
    func recorded(sinceDay day: Int) async throws -> [String: Int]
    /// The random salt of `day`, made the first time any process asks; salts of earlier
    /// days are deleted.
    func salt(forDay day: Int) async throws -> [UInt8]
    /// Forgets which visitors viewed what before `time` (their repeats count again anyway).
    func forgetVisitors(before time: Int) async throws
    func stats(today: Int) async throws -> StoreStats
    /// Finishes pending work and closes the store.
    func close() async throws
}

extension Int {
    /// Division rounding toward minus infinity (days before 1970 stay apart).
    public func floorDivided(by divisor: Int) -> Int {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? quotient - 1 : quotient
    }
}
