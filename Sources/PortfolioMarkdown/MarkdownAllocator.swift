import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// The memory functions cmark-gfm uses for parsers, nodes and rendered HTML. While a
/// document renders on a thread, they take memory from that thread's `MarkdownArena`,
/// and free does nothing: the arena is emptied when the document is done. cmark makes
/// hundreds of small allocations per document, and glibc's `calloc` (which never uses
/// the per-thread cache) was the largest cost in the C library. cmark's own arena is
/// one per process, so it cannot serve two threads.
enum MarkdownAllocator {
    /// One allocator for the process; cmark keeps the pointer in every parser and node,
    /// so it is never freed. Written once, then only read.
    nonisolated(unsafe) static let shared: UnsafeMutablePointer<cmark_mem> = {
        let mem = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        mem.initialize(to: cmark_mem(calloc: arenaCalloc, realloc: arenaRealloc, free: { _ in }))
        return mem
    }()
}

private func arenaCalloc(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
    guard !overflow, let arena = MarkdownArena.current else { return nil }
    let memory = arena.allocate(bytes)
    memset(memory, 0, bytes)
    return memory
}

private func arenaRealloc(_ old: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    guard let arena = MarkdownArena.current else { return nil }
    let memory = arena.allocate(size)
    if let old { memcpy(memory, old, min(MarkdownArena.size(of: old), size)) }
    return memory
}
