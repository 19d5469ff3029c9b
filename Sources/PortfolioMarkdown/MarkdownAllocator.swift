import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// The memory functions cmark-gfm uses for parsers, nodes and rendered HTML: the
/// system's, except that `calloc` is `malloc` and a clear. glibc's `calloc` never takes
/// the per-thread cache that `malloc` uses, and cmark calls it for every node: on a
/// 10,000-article site that was the largest cost in the C library.
enum MarkdownAllocator {
    /// One allocator for the process; cmark keeps the pointer in every parser and node,
    /// so it is never freed. Written once, then only read.
    nonisolated(unsafe) static let shared: UnsafeMutablePointer<cmark_mem> = {
        let mem = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        mem.initialize(to: cmark_mem(calloc: clearedMalloc, realloc: { realloc($0, $1) }, free: { free($0) }))
        return mem
    }()
}

/// `calloc` through `malloc`: nil when the size overflows, as `calloc` does.
private func clearedMalloc(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
    guard !overflow, let memory = malloc(max(bytes, 1)) else { return nil }
    memset(memory, 0, bytes)
    return memory
}
