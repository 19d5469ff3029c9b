/// Views kept in memory, lost when the server stops.
public actor InMemoryViewCountStore: ViewCountStore {
    private var views: [String: Int]

    public init(_ views: [String: Int] = [:]) {
        self.views = views
    }

    public func increment(_ id: String) -> Int {
        views[id] = views[id, default: 0].saturatingAdding(1)
        return views[id]!
    }

    public func counts(_ ids: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        for id in ids { result[id] = views[id] ?? 0 }
        return result
    }
}
