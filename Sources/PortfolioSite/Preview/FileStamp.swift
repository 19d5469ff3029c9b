import Foundation

/// What a file looked like on disk: enough to notice that it changed without reading it.
public struct FileStamp: Sendable, Hashable {
    public var size: Int64
    /// Modification time, in nanoseconds since 1970.
    public var modified: Int64
    /// Status change time, in nanoseconds since 1970 (moves with every write and rename).
    public var changed: Int64
    public var inode: UInt64

    /// The stamp of the file at `path` (symbolic links followed), or nil when there is no
    /// such file or it is a folder.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
        return FileStamp(size: Int64(info.st_size),
                         modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                         changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
                         inode: UInt64(info.st_ino))
    }

    /// Stamps of the files below `folder` (relative path → stamp) that `include` accepts.
    static func folder(_ folder: URL, include: (String) -> Bool = { _ in true }) -> [String: FileStamp] {
        let root = folder.resolvingSymlinksInPath().path
        guard let names = try? FileManager.default.subpathsOfDirectory(atPath: root) else { return [:] }
        var stamps: [String: FileStamp] = [:]
        for name in names where include(name) {
            if let stamp = of(root + "/" + name) { stamps[name] = stamp }
        }
        return stamps
    }
}
