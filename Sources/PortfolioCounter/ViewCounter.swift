import Foundation
import PortfolioCore

/// The counter API as the design states it, for both servers that answer it (the hosted
/// service at its root, the preview at `/api`):
/// - `record` (`POST …/views/{id}`) counts one view and answers `{"id": "...", "views": N}`;
/// - `read` (`GET …/views?ids=a,b`) answers `{"a": N, "b": N}` for up to `largestRead` ids.
///
/// Counts include the baseline (the front matter's `views`, or an imported count), and the
/// views recorded under the ids an article had before it was renamed. Ids the manifest
/// does not list are refused (404). HTTP concerns (origins, rate limits, sizes) stay with
/// the servers.
public actor ViewCounter {
    /// The largest count answered: JavaScript's `Number.MAX_SAFE_INTEGER`, so the page's
    /// script reads every answer exactly.
    public static let largestAnswer = (1 << 53) - 1
    /// The most ids one read may name.
    public static let largestRead = 200

    public let rules: CountingRules
    private let store: any CounterStore
    private let commits: GroupCommit
    private let clock: @Sendable () -> Int
    public private(set) var manifest: CounterManifest
    /// Per article, the stored views of its old ids (no view is recorded under them again).
    private var renamedCounts: [String: Int] = [:]
    private var salt: (day: Int, bytes: [UInt8])?
    public private(set) var totals = CounterTotals()

    /// A counter over `store`; `clock` gives the time in seconds since 1970.
    public init(store: any CounterStore, manifest: CounterManifest, rules: CountingRules,
                clock: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }) {
        self.store = store
        self.commits = GroupCommit(store: store)
        self.manifest = manifest
        self.rules = rules
        self.clock = clock
    }

    /// Takes a new manifest (after a build, or on SIGHUP) and reads the counts of its old ids.
    public func load(_ manifest: CounterManifest) async throws {
        let old = Array(manifest.renamed.keys)
        let stored = old.isEmpty ? [:] : try await store.counts(old)
        var sums: [String: Int] = [:]
        for (oldID, count) in stored {
            guard let article = manifest.renamed[oldID] else { continue }
            sums[article, default: 0] = sums[article, default: 0].saturatingAdding(count.recorded.saturatingAdding(count.imported ?? 0))
        }
        self.manifest = manifest
        self.renamedCounts = sums
    }

    /// Records one view of `requested` (already percent-decoded) by `viewer`.
    public func record(_ requested: String, by viewer: Viewer) async throws -> CounterAnswer {
        guard let id = manifest.canonical(requested) else {
            totals.unknown += 1
            return Self.unknown([requested])
        }
        var count: StoredCount
        if let bots = rules.bots, bots.isBot(viewer.userAgent) {
            totals.bots += 1
            count = try await store.counts([id])[id] ?? StoredCount()
        } else {
            let now = clock()
            let visitor = rules.window > 0 ? VisitorKey.make(address: viewer.address, userAgent: viewer.userAgent ?? "",
                                                             salt: try await salt(forDay: now.floorDivided(by: 86_400))) : nil
            let outcome: RecordOutcome
            do {
                outcome = try await commits.record(RecordedView(id: id, visitor: visitor, at: now, window: rules.window))
            } catch {
                totals.failed += 1
                throw error
            }
            if outcome.counted { totals.counted += 1 } else { totals.repeats += 1 }
            count = outcome.count
        }
        return CounterAnswer(status: 200, json: "{\"id\":\(Escape.jsonString(requested)),\"views\":\(answer(id, count))}")
    }

    /// Reads the counts of a comma-separated list of ids. Unknown ids are left out of the
    /// answer (a page may be newer than the service's manifest); if all are unknown, 404.
    public func read(_ list: String?) async throws -> CounterAnswer {
        var requested: [String] = []
        var seen: Set<String> = []
        for part in (list ?? "").split(separator: ",") where seen.insert(String(part)).inserted { requested.append(String(part)) }
        guard !requested.isEmpty else {
            return CounterAnswer(status: 400, json: "{\"error\":\"name the articles: views?ids=a,b\"}")
        }
        guard requested.count <= Self.largestRead else {
            return CounterAnswer(status: 400, json: "{\"error\":\"ask for \(Self.largestRead) ids or fewer at a time\"}")
        }
        let known = requested.compactMap { id in manifest.canonical(id).map { (requested: id, id: $0) } }
        guard !known.isEmpty else {
            totals.unknown += 1
            return Self.unknown(requested)
        }
        totals.reads += 1
        let counts = try await store.counts(Array(Set(known.map(\.id))))
        let members = known.map { "\(Escape.jsonString($0.requested)):\(answer($0.id, counts[$0.id] ?? StoredCount()))" }
        return CounterAnswer(status: 200, json: "{" + members.joined(separator: ",") + "}")
    }

    /// Notes a request the server refused before it reached the counter.
    public func noteRefused(limited: Bool) {
        if limited { totals.limited += 1 } else { totals.refused += 1 }
    }

    /// Batches committed so far and the views in them.
    public func commitTotals() async -> (batches: Int, views: Int) {
        (await commits.batches, await commits.views)
    }

    /// Forgets visitors whose repeat views would count again by now.
    public func forgetOldVisitors() async throws {
        guard rules.window > 0 else { return }
        try await store.forgetVisitors(before: clock() - rules.window)
    }

    /// The count answered for an article: its baseline (an imported count takes the place
    /// of the front matter's), its recorded views and its old ids' views, capped.
    func answer(_ id: String, _ count: StoredCount) -> Int {
        let baseline = count.imported ?? manifest.baselines[id] ?? 0
        let total = baseline.saturatingAdding(count.recorded).saturatingAdding(renamedCounts[id] ?? 0)
        return min(total, Self.largestAnswer)
    }

    private func salt(forDay day: Int) async throws -> [UInt8] {
        if let salt, salt.day == day { return salt.bytes }
        let bytes = try await store.salt(forDay: day)
        salt = (day, bytes)
        return bytes
    }

    static func unknown(_ ids: [String]) -> CounterAnswer {
        let list = ids.map { Escape.jsonString($0) }.joined(separator: ",")
        return CounterAnswer(status: 404, json: "{\"error\":\"no such article\",\"ids\":[\(list)]}")
    }
}
