import Foundation

/// Finding bytes in bytes: `memchr` for the first byte, then a compare (glibc's `memmem`
/// is not visible to Swift without `_GNU_SOURCE`).
enum ByteSearch {
    /// Where `needle` first starts in `haystack[start..<count]`, or nil.
    static func find(_ needle: UnsafeRawBufferPointer, in haystack: UnsafePointer<UInt8>, count: Int, from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= count else { return nil }
        var i = start
        let last = count - needle.count
        while i <= last {
            guard let hit = memchr(haystack + i, Int32(first), last - i + 1) else { return nil }
            let at = haystack.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(haystack + at, needle.baseAddress!, needle.count) == 0 { return at }
            i = at + 1
        }
        return nil
    }
}
