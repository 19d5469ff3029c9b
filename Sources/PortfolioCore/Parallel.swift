import Dispatch
import Foundation

/// Work spread over all cores, with results in input order.
public enum Parallel {
    /// `items.map(transform)`, run concurrently in chunks; the order of results is kept.
    /// Inlinable, so that callers get it specialised: unspecialised, gathering the results
    /// costs generic calls per item (milliseconds for the pages of a large site).
    @inlinable
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
@usableFromInline
final class ResultBox<U>: @unchecked Sendable {
    @usableFromInline let slots: UnsafeMutablePointer<U?>
    @usableFromInline let count: Int

    @inlinable
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    @inlinable
    func set(_ index: Int, _ value: U) {
        slots[index] = value
    }

    @inlinable
    func values() -> [U] {
        (0..<count).map { slots[$0]! }
    }
}

extension Parallel {
    /// `items.map(transform)` on `workers` threads of its own, which may be more than there
    /// are cores: for work that takes turns at a lock for part of each item, so that while
    /// one thread waits another can use the core. Items are taken one at a time in order.
    public static func map<T: Sendable, U: Sendable>(_ items: [T], workers: Int, _ transform: @escaping @Sendable (T) -> U) -> [U] {
        guard items.count > 1, workers > 1 else { return items.map(transform) }
        let results = ResultBox<U>(count: items.count)
        let queue = WorkQueue(count: items.count)
        let done = DispatchSemaphore(value: 0)
        let threads = min(workers, items.count)
        for _ in 0..<threads {
            let thread = Thread {
                while let i = queue.next() { results.set(i, transform(items[i])) }
                done.signal()
            }
            // As much stack as the main thread has, for deeply nested Markdown.
            thread.stackSize = 8 << 20
            thread.start()
        }
        for _ in 0..<threads { done.wait() }
        return results.values()
    }
}

/// Hands out the numbers `0..<count` once each, to any thread that asks.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var position = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard position < count else { return nil }
        position += 1
        return position - 1
    }
}
