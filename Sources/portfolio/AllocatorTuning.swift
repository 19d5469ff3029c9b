#if canImport(CMalloc)
import CMalloc
import Glibc
#endif

/// Settings for glibc's allocator, made once when the process starts.
enum AllocatorTuning {
    /// Tunes the allocator for the command in `arguments`. The settings below make large
    /// builds faster and their memory larger; the counter's commands keep glibc's small
    /// heaps, because the service runs for months and is judged by its memory.
    static func apply(for arguments: [String]) {
        guard arguments.dropFirst().first != "counter" else { return }
        apply()
    }

    static func apply() {
        #if canImport(CMalloc)
        useHugePages()
        // Each worker thread allocates from a heap of its own, which glibc grows by exactly
        // what a request lacks, with one `mprotect` call each time. A full build of a large
        // site made about 60,000 such calls; growing by 64 MB at a time (one such heap)
        // makes a few dozen. Memory is still only used when touched.
        _ = mallopt(M_TOP_PAD, 64 << 20)
        // Blocks from 128 KB to 32 MB (page text, search arrays) come from those heaps, whose
        // freed memory is used again, instead of each from fresh pages of its own, which the
        // kernel must clear (a huge page whole): page faults 12,000 → 2,100 on the corpus.
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        #endif
    }

    #if canImport(CMalloc)
    /// The variable glibc reads its tunables from, and the one that asks it to back its
    /// heaps with transparent huge pages.
    static let tunables = "GLIBC_TUNABLES", hugePages = "glibc.malloc.hugetlb=1"

    /// A build touches a few hundred megabytes of fresh memory, and with 4 KB pages the
    /// kernel took about 85,000 page faults to hand it over; with 2 MB pages it takes about
    /// 10,000, and the build needs about 8% less CPU time. glibc takes the setting only from
    /// the environment when a process starts, so when the kernel gives huge pages to those
    /// who ask (Debian's default) the process starts itself once more with it set. If that
    /// fails, it goes on as it is.
    private static func useHugePages() {
        let current = getenv(tunables).map { String(cString: $0) } ?? ""
        guard !current.contains("glibc.malloc.hugetlb"), kernelGivesHugePagesOnRequest() else { return }
        setenv(tunables, current.isEmpty ? hugePages : current + ":" + hugePages, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        if current.isEmpty { unsetenv(tunables) } else { setenv(tunables, current, 1) }
    }

    /// Whether transparent huge pages are on for memory that asks for them (`[madvise]`).
    /// With `[always]` every heap has them already, and with `[never]` none can.
    private static func kernelGivesHugePagesOnRequest() -> Bool {
        guard let file = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r") else { return false }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 128)
        guard fgets(&line, Int32(line.count), file) != nil else { return false }
        let text = line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: text, as: UTF8.self).contains("[madvise]")
    }
    #endif
}
