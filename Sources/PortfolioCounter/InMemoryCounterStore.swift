/// Counts kept in memory and lost when the process ends: for tests and for the preview
/// when it is told not to keep counts.
public actor InMemoryCounterStore: CounterStore {
    private var book: CountBook

    public init(recorded: [String: Int] = [:]) {
        book = CountBook(recorded: recorded)
    }

    public func record(_ views: [RecordedView]) -> [RecordOutcome] {
        book.record(views)
    }

    public func counts(_ ids: [String]) -> [String: StoredCount] { book.counts(ids) }
    public func all() -> [String: StoredCount] { book.counts }
    public func setImported(_ counts: [String: Int]) -> Int { book.setImported(counts) }
    public func recorded(sinceDay day: Int) -> [String: Int] { book.recorded(sinceDay: day) }
    public func salt(forDay day: Int) -> [UInt8] { book.salt(forDay: day) }
    public func forgetVisitors(before time: Int) { book.forgetVisitors(before: time) }
    public func stats(today: Int) -> StoreStats { book.stats(today: today, schemaVersion: 0) }
    public func close() {}
}
