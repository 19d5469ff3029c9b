import Foundation
import PortfolioCore

/// The preview server's own build folder, written in place: a file is written only when
/// its bytes differ from what is there (through a temporary file and a rename, so a
/// reader never sees half a file), and files a build no longer makes are removed.
/// Like `OutputWriter`, it refuses folders it did not make and folders that hold sources.
final class ServeFolder: @unchecked Sendable {
    let root: URL
    private let rootPath: String
    private let lock = NSLock()
    private var folders: Set<String> = []
    private var failures: [PortfolioError] = []
    private var counter = 0

    /// Opens (or creates) the folder and marks it as portfolio's.
    init(root: URL, siteRoot: URL) throws(PortfolioError) {
        let resolved = root.standardizedFileURL.resolvingSymlinksInPath()
        try OutputWriter.checkSafe(output: resolved, siteRoot: siteRoot.standardizedFileURL.resolvingSymlinksInPath())
        self.root = resolved
        rootPath = resolved.path
        do { try FileManager.default.createDirectory(at: resolved, withIntermediateDirectories: true) } catch {
            throw PortfolioError(.output, "cannot create the folder: \(error.localizedDescription)", at: SourceLocation(path: rootPath))
        }
        _ = write(OutputMarker.name, OutputMarker.bytes)
    }

    /// Every file in the folder (relative paths), the marker left out.
    func existingFiles() -> Set<String> {
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: rootPath)) ?? []
        return Set(names.filter { name in
            var isFolder: ObjCBool = false
            return name != OutputMarker.name && FileManager.default.fileExists(atPath: rootPath + "/" + name, isDirectory: &isFolder)
                && !isFolder.boolValue
        })
    }

    /// Writes `bytes` at `path` unless the file already holds exactly them; true when written.
    /// Safe to call from many threads.
    @discardableResult
    func write(_ path: String, _ bytes: [UInt8]) -> Bool {
        let full = rootPath + "/" + path
        if Self.holds(full, bytes) { return false }
        if let slash = full.lastIndex(of: "/") { ensureFolder(String(full[..<slash])) }
        let temporary = full + ".tmp-\(getpid())-\(nextNumber())"
        guard Self.put(temporary, bytes), rename(temporary, full) == 0 else {
            unlink(temporary)
            fail(path, "cannot write: \(String(cString: strerror(errno)))")
            return false
        }
        return true
    }

    /// Removes files and then any folder left empty by that.
    func remove(_ paths: some Sequence<String>) {
        var parents: Set<String> = []
        for path in paths {
            if unlink(rootPath + "/" + path) != 0 && errno != ENOENT { fail(path, "cannot remove: \(String(cString: strerror(errno)))") }
            var parent = (path as NSString).deletingLastPathComponent
            while !parent.isEmpty {
                parents.insert(parent)
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        // Deepest first, so a folder emptied by its child's removal goes too; rmdir keeps non-empty folders.
        for parent in parents.sorted(by: { $0.count > $1.count }) where rmdir(rootPath + "/" + parent) == 0 {
            lock.lock()
            folders.remove(rootPath + "/" + parent)
            lock.unlock()
        }
    }

    /// The errors of writes and removals since the last call.
    func takeFailures() -> [PortfolioError] {
        lock.lock()
        defer { lock.unlock() }
        let taken = failures
        failures = []
        return taken
    }

    private func fail(_ path: String, _ message: String) {
        lock.lock()
        failures.append(PortfolioError(.output, message, at: SourceLocation(path: path)))
        lock.unlock()
    }

    private func nextNumber() -> Int {
        lock.lock()
        defer { lock.unlock() }
        counter += 1
        return counter
    }

    private func ensureFolder(_ path: String) {
        lock.lock()
        let known = folders.contains(path)
        lock.unlock()
        guard !known else { return }
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        lock.lock()
        folders.insert(path)
        lock.unlock()
    }

    /// Whether the file at `path` holds exactly `bytes`.
    static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        var offset = 0
        while offset < bytes.count {
            let n = existing.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n <= 0 { return false }
            offset += n
        }
        return existing == bytes
    }

    static func put(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }
}
