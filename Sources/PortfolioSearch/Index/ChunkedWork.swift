import Dispatch
import Foundation

/// Runs work over index ranges on all cores and concatenates the results in order.
enum ChunkedWork {
    static func map<T>(count: Int, chunks wanted: Int? = nil, _ body: (Range<Int>) -> [T]) -> [T] {
        guard count > 0 else { return [] }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunks = min(count, wanted ?? cores * 4)
        if cores == 1 || (wanted == nil && count < 64) { return body(0..<count) }
        return withoutActuallyEscaping(body) { body in
            let box = ChunkBox(body: body, chunks: chunks)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                box.run(c, start: count * c / chunks, end: count * (c + 1) / chunks)
            }
            var out: [T] = []
            out.reserveCapacity(count)
            for r in box.results { out.append(contentsOf: r) }
            return out
        }
    }
}

/// Each chunk writes only its own slot; results are read after every chunk has finished.
private final class ChunkBox<T>: @unchecked Sendable {
    let body: (Range<Int>) -> [T]
    let slots: UnsafeMutableBufferPointer<[T]>

    init(body: @escaping (Range<Int>) -> [T], chunks: Int) {
        self.body = body
        slots = .allocate(capacity: chunks)
        slots.initialize(repeating: [])
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    var results: UnsafeMutableBufferPointer<[T]> { slots }

    func run(_ c: Int, start: Int, end: Int) {
        slots[c] = body(start..<end)
    }
}
