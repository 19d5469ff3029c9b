import Foundation

extension OutputWriter {
    /// Opens a file for writing, replacing whatever is in the way: a reused staging folder
    /// may hold a folder where a file now goes, or (if tampered with) a symbolic link,
    /// which is never followed. In a reused folder an existing file is not truncated here
    /// (ext4 flushes a file truncated to zero and rewritten, when it is closed); the
    /// writer sets its length after writing instead.
    static func openForWriting(_ path: String, truncate: Bool) -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_NOFOLLOW | (truncate ? O_TRUNC : 0)
        let fd = open(path, flags, 0o644)
        guard fd < 0, errno == EISDIR || errno == ELOOP else { return fd }
        try? FileManager.default.removeItem(atPath: path)  // removes a link itself, not its target
        return open(path, flags, 0o644)
    }

    /// `mkdir -p` with plain system calls: FileManager checks every component first,
    /// which cost more than the mkdir itself for the thousands of page folders. Anything
    /// that is in the way and is not a real folder (a file, a link) is replaced.
    static func makeFolder(_ path: String) {
        if mkdir(path, 0o755) == 0 { return }
        switch errno {
        case EEXIST:
            guard !isRealFolder(path) else { return }
            try? FileManager.default.removeItem(atPath: path)
            _ = mkdir(path, 0o755)
        case ENOENT:
            guard let slash = path.lastIndex(of: "/"), slash > path.startIndex else { return }
            makeFolder(String(path[..<slash]))
            _ = mkdir(path, 0o755)
        default:
            return
        }
    }

    static func isRealFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
