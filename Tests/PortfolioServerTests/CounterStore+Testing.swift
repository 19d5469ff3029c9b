import PortfolioCounter

extension CounterStore {
    /// Records one view that always counts; returns the id's recorded views.
    func increment(_ id: String) async throws -> Int {
        try await record([RecordedView(id: id, visitor: nil, at: 0, window: 0)])[0].count.recorded
    }

    /// The recorded views of each id, 0 for ids never seen.
    func recordedCounts(_ ids: [String]) async throws -> [String: Int] {
        let stored = try await counts(ids)
        var result: [String: Int] = [:]
        for id in ids { result[id] = stored[id]?.recorded ?? 0 }
        return result
    }
}
