import Foundation

/// The counting rules of a store kept in memory, as a value: counts, imported counts,
/// views per day, and when each visitor last counted for each article. The in-memory
/// store and the preview's file store are this book behind an actor.
public struct CountBook: Sendable {
    public private(set) var counts: [String: StoredCount] = [:]
    private var daily: [Int: [String: Int]] = [:]
    private var lastCounted: [String: Int] = [:]
    private var salts: [Int: [UInt8]] = [:]

    public init(recorded: [String: Int] = [:]) {
        for (id, views) in recorded { counts[id] = StoredCount(recorded: views) }
    }

    /// Records one view; false when its visitor counted for the article within the window.
    public mutating func record(_ view: RecordedView) -> RecordOutcome {
        if let visitor = view.visitor {
            let key = visitor + "\u{0}" + view.id
            if let last = lastCounted[key], view.at < last + view.window {
                return RecordOutcome(counted: false, count: counts[view.id] ?? StoredCount())
            }
            lastCounted[key] = view.at
        }
        counts[view.id, default: StoredCount()].recorded = counts[view.id, default: StoredCount()].recorded.saturatingAdding(1)
        daily[view.day, default: [:]][view.id, default: 0] += 1
        return RecordOutcome(counted: true, count: counts[view.id]!)
    }

    /// Records a batch; each outcome carries its id's count after the whole batch, as a
    /// store's transaction gives it.
    public mutating func record(_ views: [RecordedView]) -> [RecordOutcome] {
        let counted = views.map { record($0).counted }
        return zip(views, counted).map { RecordOutcome(counted: $1, count: counts[$0.id] ?? StoredCount()) }
    }

    public func counts(_ ids: [String]) -> [String: StoredCount] {
        var result: [String: StoredCount] = [:]
        for id in ids { result[id] = counts[id] }
        return result
    }

    public mutating func setImported(_ imported: [String: Int]) -> Int {
        var changed = 0
        for (id, views) in imported where counts[id]?.imported != views {
            counts[id, default: StoredCount()].imported = views
            changed += 1
        }
        return changed
    }

    public func recorded(sinceDay day: Int) -> [String: Int] {
        var result: [String: Int] = [:]
        for (d, views) in daily where d >= day { result.merge(views, uniquingKeysWith: +) }
        return result
    }

    public mutating func salt(forDay day: Int) -> [UInt8] {
        salts = salts.filter { $0.key >= day }
        if let salt = salts[day] { return salt }
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        salts[day] = salt
        return salt
    }

    /// Forgets visitors whose last counted view is before `time`.
    public mutating func forgetVisitors(before time: Int) {
        lastCounted = lastCounted.filter { $0.value >= time }
    }

    public func stats(today: Int, schemaVersion: Int) -> StoreStats {
        StoreStats(ids: counts.count, recorded: counts.values.reduce(0) { $0.saturatingAdding($1.recorded) },
                   imported: counts.values.reduce(0) { $0.saturatingAdding($1.imported ?? 0) },
                   recordedToday: daily[today]?.values.reduce(0, +) ?? 0, schemaVersion: schemaVersion)
    }
}
