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

/// Slots written by exactly one task each, read after all tasks end.
private final class ResultBox<U>: @unchecked Sendable {
    private var slots: [U?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: U) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [U] {
        slots.map { $0! }
    }
}
