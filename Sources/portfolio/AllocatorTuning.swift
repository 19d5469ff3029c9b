#if canImport(CMalloc)
import CMalloc
#endif

/// Settings for glibc's allocator, made once when the process starts.
enum AllocatorTuning {
    /// Each worker thread allocates from a heap of its own, which glibc grows by exactly
    /// what a request lacks, with one `mprotect` call each time, and shrinks again when
    /// memory at its top is freed. A full build of a large site made about 60,000 such
    /// calls. Growing by 64 MB at a time (the size of one such heap) makes a few dozen.
    /// Memory is still only used when touched, so the peak resident size does not change.
    static func apply() {
        #if canImport(CMalloc)
        _ = mallopt(M_TOP_PAD, 64 << 20)
        #endif
    }
}
