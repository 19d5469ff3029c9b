/// Shares transactions between concurrent views: while one batch is being committed, the
/// views that arrive wait together and go into the next one. Each caller is answered only
/// when its own batch is durable, so throughput does not wait on one disk flush per view.
public actor GroupCommit {
    private let store: any CounterStore
    private let largestBatch: Int
    private var waiting: [(view: RecordedView, answer: CheckedContinuation<RecordOutcome, any Error>)] = []
    private var committing = false
    /// Batches committed and views in them, for the service's metrics.
    public private(set) var batches = 0
    public private(set) var views = 0

    public init(store: any CounterStore, largestBatch: Int = 1024) {
        self.store = store
        self.largestBatch = largestBatch
    }

    /// Records one view and returns its outcome once it is committed.
    public func record(_ view: RecordedView) async throws -> RecordOutcome {
        try await withCheckedThrowingContinuation { answer in
            waiting.append((view, answer))
            if !committing {
                committing = true
                Task { await self.commitWaiting() }
            }
        }
    }

    /// Commits batches until no view waits.
    private func commitWaiting() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(largestBatch))
            waiting.removeFirst(batch.count)
            do {
                let outcomes = try await store.record(batch.map(\.view))
                for (entry, outcome) in zip(batch, outcomes) { entry.answer.resume(returning: outcome) }
                batches += 1
                views += batch.count
            } catch {
                for entry in batch { entry.answer.resume(throwing: error) }
            }
        }
        committing = false
    }
}
