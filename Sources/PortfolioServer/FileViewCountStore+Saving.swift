import Foundation
import PortfolioCore

extension FileViewCountStore {
    /// Replaces `file` whole with `bytes`: written to a temporary file beside it, flushed
    /// to disk, renamed over it, then the folder flushed. A reader sees the old file or the
    /// new one, never a part; nothing is left beside it on failure.
    static func replace(_ file: URL, with bytes: [UInt8]) throws(PortfolioError) {
        let folder = file.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).tmp-\(getpid())").path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw failure(file, error.localizedDescription)
        }
        do throws(PortfolioError) {
            try write(bytes, to: temporary, for: file)
            guard rename(temporary, file.path) == 0 else { throw failure(file) }
        } catch {
            unlink(temporary)
            throw error
        }
        try flushFolder(folder.path, for: file)
    }

    /// Writes a new file and flushes it to disk before it is closed. Without the flush the
    /// rename could reach the disk before the data: after a power loss the counts file
    /// would be empty or partial, and counts already answered would be lost.
    private static func write(_ bytes: [UInt8], to path: String, for file: URL) throws(PortfolioError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failure(file) }
        defer { Glibc.close(fd) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw failure(file) }
            offset += count
        }
        guard fsync(fd) == 0 else { throw failure(file) }
    }

    /// Flushes the folder, so that the rename (the folder's entry for the new file) is on
    /// disk too when the count is answered.
    private static func flushFolder(_ path: String, for file: URL) throws(PortfolioError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(file) }
        defer { Glibc.close(fd) }
        guard fsync(fd) == 0 else { throw failure(file) }
    }

    /// The error for a failed save, with `reason` or the system's for `errno`.
    private static func failure(_ file: URL, _ reason: String? = nil) -> PortfolioError {
        let reason = reason ?? String(cString: strerror(errno))
        return PortfolioError(.io, "cannot save view counts: \(reason)", at: SourceLocation(path: file.path))
    }
}
