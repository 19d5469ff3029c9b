import Dispatch

/// Work spread over all cores, with results in input order.
public enum Parallel {
    /// `items.map(transform)`, run concurrently in chunks; the order of results is kept.
    public static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        guard items.count > 1 else { return items.map(transform) }
        let results = ResultBox<U>(count: items.count)
        let chunk = max(1, items.count / 64)
        let chunks = (items.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in (c * chunk)..<min(items.count, (c + 1) * chunk) {
                results.set(i, transform(items[i]))
            }
        }
        return results.values()
    }
}

/// Slots written by exactly one task each, read after all tasks end. The slots live in
/// memory allocated once: tasks write through a stable pointer (an array's
/// `withUnsafeMutableBufferPointer` from several threads at once races on the array
/// itself, which it empties for the duration of the call).
private final class ResultBox<U>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<U?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: U) {
        slots[index] = value
    }

    func values() -> [U] {
        (0..<count).map { slots[$0]! }
    }
}
