import Foundation

extension OutputWriter {
    /// Opens a file below the staging folder for writing, replacing whatever is in the
    /// way: a reused staging folder may hold a folder where a file now goes, or (if
    /// tampered with) a symbolic link, which is never followed. In a reused folder an
    /// existing file is not truncated here (ext4 flushes a file truncated to zero and
    /// rewritten, when it is closed); the writer sets its length after writing instead.
    ///
    /// A file with more than one link (a snapshot made with `cp -al` or `rsync
    /// --link-dest` shares it) is never written into: it is unlinked and made anew, so the
    /// other copies keep their bytes.
    func openForWriting(_ relativePath: String, truncate: Bool) -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (truncate ? O_TRUNC : 0)
        var fd = openat(stagingFolder, relativePath, flags, 0o644)
        if fd < 0, errno == EISDIR || errno == ELOOP {
            try? FileManager.default.removeItem(atPath: staging.path + "/" + relativePath)  // removes a link itself, not its target
            fd = openat(stagingFolder, relativePath, flags, 0o644)
        }
        guard fd >= 0 else { return fd }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_nlink > 1 {
            close(fd)
            unlinkat(stagingFolder, relativePath, 0)
            fd = openat(stagingFolder, relativePath, flags | O_EXCL, 0o644)
        }
        return fd
    }

    /// `mkdir -p` below the staging folder, with plain system calls: FileManager checks
    /// every component first, which cost more than the mkdir itself for the thousands of
    /// page folders. Anything that is in the way and is not a real folder (a file, a
    /// link) is replaced.
    func makeFolder(_ relativePath: String) {
        if mkdirat(stagingFolder, relativePath, 0o755) == 0 { return }
        switch errno {
        case EEXIST:
            guard !isRealFolder(relativePath) else { return }
            try? FileManager.default.removeItem(atPath: staging.path + "/" + relativePath)
            _ = mkdirat(stagingFolder, relativePath, 0o755)
        case ENOENT:
            guard let slash = relativePath.lastIndex(of: "/"), slash > relativePath.startIndex else { return }
            makeFolder(String(relativePath[..<slash]))
            _ = mkdirat(stagingFolder, relativePath, 0o755)
        default:
            return
        }
    }

    /// Whether a path below the staging folder is a folder and not a link to one.
    private func isRealFolder(_ relativePath: String) -> Bool {
        var info = stat()
        return fstatat(stagingFolder, relativePath, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func isRealFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
