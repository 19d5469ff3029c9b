/// A path as a dictionary key, hashed and compared by its UTF-8 bytes. (Swift hashes and
/// compares `String` through Unicode normalisation, which is slow for the Chinese paths of
/// a site; the paths a build makes are always the same bytes for the same page.)
struct PathKey: Hashable {
    let path: String

    init(_ path: String) {
        self.path = path
    }

    static func == (a: PathKey, b: PathKey) -> Bool {
        a.path.utf8.count == b.path.utf8.count && a.path.utf8.elementsEqual(b.path.utf8)
    }

    func hash(into hasher: inout Hasher) {
        if path.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            hasher.combine(path)
        }
    }
}
