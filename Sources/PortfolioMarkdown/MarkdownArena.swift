#if canImport(Glibc)
import Glibc
#endif

/// Bump allocation for one document at a time on one thread: blocks come from large
/// slabs, nothing is freed one by one, and `reset()` makes the slabs free for the next
/// document. Each thread that renders Markdown has its own arena, kept for the thread's
/// life, so its slabs are reused and never fault in new pages.
final class MarkdownArena {
    private static let slabSize = 256 * 1024
    /// Each block starts with its size, for `realloc`; 16 bytes keep blocks aligned.
    private static let header = 16
    private var slabs: [UnsafeMutableRawPointer] = []
    private var slabSizes: [Int] = []
    private var slab = 0
    private var used = 0

    /// The calling thread's arena, made by its first `run` and kept; nil before that.
    static var current: MarkdownArena? {
        pthread_getspecific(key).map { Unmanaged<MarkdownArena>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Runs `body` with this thread's arena active, then empties the arena.
    static func run<T>(_ body: () -> T) -> T {
        let arena = current ?? {
            let arena = MarkdownArena()
            pthread_setspecific(key, Unmanaged.passRetained(arena).toOpaque())
            return arena
        }()
        defer { arena.reset() }
        return body()
    }

    /// The thread-local slot; its destructor releases a finished thread's arena.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { if let arena = $0 { Unmanaged<MarkdownArena>.fromOpaque(arena).release() } }
        return key
    }()

    deinit {
        for memory in slabs { free(memory) }
    }

    /// `bytes` of memory (not cleared), 16-byte aligned, valid until `reset()`.
    func allocate(_ bytes: Int) -> UnsafeMutableRawPointer {
        let need = Self.header + (bytes + 15) & ~15
        while slab < slabs.count, used + need > slabSizes[slab] {
            slab += 1
            used = 0
        }
        if slab == slabs.count {
            let size = max(Self.slabSize, need)
            guard let memory = malloc(size) else { fatalError("out of memory for Markdown") }
            slabs.append(memory)
            slabSizes.append(size)
            used = 0
        }
        let block = slabs[slab] + used
        used += need
        block.storeBytes(of: bytes, as: Int.self)
        return block + Self.header
    }

    /// The size a block was allocated with.
    static func size(of memory: UnsafeMutableRawPointer) -> Int {
        (memory - header).load(as: Int.self)
    }

    /// Makes every slab free again; slabs beyond the first few go back to the system, so
    /// one huge document does not keep its memory.
    func reset() {
        while slabs.count > 4 {
            free(slabs.removeLast())
            slabSizes.removeLast()
        }
        slab = 0
        used = 0
    }
}
