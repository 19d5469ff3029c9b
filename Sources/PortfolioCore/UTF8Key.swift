#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Text as a dictionary or set key, hashed and compared by its UTF-8 bytes.
///
/// Swift hashes and compares a `String` that is not ASCII through Unicode normalisation,
/// which is slow for Chinese names, headings and paths. The keys a build makes (paths,
/// slugs, tag names as written) are the same bytes every time they mean the same thing,
/// and two spellings that differ only in normalisation stay two keys, as they are two
/// different `id`s or file names to a browser.
public struct UTF8Key: Hashable, Sendable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        let same = a.text.utf8.withContiguousStorageIfAvailable { x in
            b.text.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
        if let same, let same { return same }
        return a.text.utf8.elementsEqual(b.text.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            hasher.combine(text)
        }
    }
}
