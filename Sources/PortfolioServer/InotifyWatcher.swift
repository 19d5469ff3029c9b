#if os(Linux)
import Foundation
import Glibc
import PortfolioCore
import PortfolioSite

/// Watches the site with Linux inotify: `portfolio.yml` and every folder below
/// `content/` (followed when it is a symbolic link), `templates/` and `static/`.
/// Folders created later are watched as they appear; if the kernel's queue overflows,
/// the change is reported as unknown, so the next build looks at everything.
public final class InotifyWatcher: FileWatcher, @unchecked Sendable {
    public let siteRoot: URL
    static let watched = ["content", "templates", "static"]
    // The kernel's constants (stable ABI), spelled out so they import the same everywhere.
    static let fileEvents: UInt32 = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800
    static let overflow: UInt32 = 0x4000, ignored: UInt32 = 0x8000, isFolder: UInt32 = 0x4000_0000
    static let created: UInt32 = 0x100, movedIn: UInt32 = 0x80
    private let fd: Int32
    private let state = Locked<(folders: [Int32: String], running: Bool)>(([:], false))
    private var thread: Thread?

    /// Opens an inotify instance; throws when the system has none to give.
    public init(siteRoot: URL) throws(PortfolioError) {
        self.siteRoot = siteRoot.standardizedFileURL
        fd = inotify_init1(Int32(O_CLOEXEC | O_NONBLOCK))
        guard fd >= 0 else {
            throw PortfolioError(.io, "inotify is not available: \(String(cString: strerror(errno)))", at: SourceLocation(path: siteRoot.path))
        }
    }

    deinit { close(fd) }

    public var description: String {
        "content/, templates/, static/ and portfolio.yml (inotify)"
    }

    /// Throws when a folder cannot be watched (most often the system's limit of watches,
    /// `fs.inotify.max_user_watches`, is reached); the server then polls instead.
    public func start(_ onChange: @escaping @Sendable (SourceChanges) -> Void) throws {
        var failed: [String] = []
        add(siteRoot.path, as: "", recursive: false, failed: &failed)
        for name in Self.watched { add(siteRoot.appendingPathComponent(name).path, as: name, recursive: true, failed: &failed) }
        if let first = failed.first {
            throw PortfolioError(.io, "cannot watch \(failed.count) folder(s) with inotify, first \(first) "
                                 + "(raise fs.inotify.max_user_watches, or use --poll)", at: SourceLocation(path: siteRoot.path))
        }
        state.withValue { $0.running = true }
        let thread = Thread { [self] in loop(onChange) }
        thread.name = "portfolio inotify"
        self.thread = thread
        thread.start()
    }

    public func stop() {
        state.withValue { $0.running = false }
    }

    /// Watches `path` (shown as `relative`) and, if `recursive`, every folder below it;
    /// folders that exist but cannot be watched go into `failed`.
    private func add(_ path: String, as relative: String, recursive: Bool, failed: inout [String]) {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let wd = inotify_add_watch(fd, target, Self.fileEvents)
        guard wd >= 0 else {
            if errno != ENOENT && errno != ENOTDIR { failed.append(relative.isEmpty ? "." : relative) }
            return
        }
        state.withValue { $0.folders[wd] = relative }
        guard recursive, let names = try? FileManager.default.contentsOfDirectory(atPath: target) else { return }
        for name in names where !name.hasPrefix(".") {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: target + "/" + name, isDirectory: &isFolder), isFolder.boolValue {
                add(target + "/" + name, as: relative + "/" + name, recursive: true, failed: &failed)
            }
        }
    }

    private func loop(_ onChange: @Sendable (SourceChanges) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while state.current.running {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            guard n > 0, state.current.running else { continue }
            if let changes = parse(buffer, count: n) { onChange(changes) }
        }
    }

    /// The changes in one read of events; nil when none of them matters.
    private func parse(_ buffer: [UInt8], count: Int) -> SourceChanges? {
        var paths: Set<String> = []
        var offset = 0
        while offset + 16 <= count {
            let wd = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int32.self) }
            let mask = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self) }
            let length = Int(buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self) })
            let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
            offset += 16 + length
            if mask & Self.overflow != 0 { return SourceChanges.unknown }
            if mask & Self.ignored != 0 { state.withValue { _ = $0.folders.removeValue(forKey: wd) }; continue }
            guard let folder = state.current.folders[wd], let name = String(bytes: nameBytes, encoding: .utf8) else { continue }
            let path = folder.isEmpty ? name : folder + "/" + name
            if folder.isEmpty && name != "portfolio.yml" && !Self.watched.contains(name) { continue }
            if mask & Self.isFolder != 0 && mask & (Self.created | Self.movedIn) != 0 {
                var failed: [String] = []
                add(siteRoot.appendingPathComponent(path).path, as: path, recursive: true, failed: &failed)
                if !failed.isEmpty { return SourceChanges.unknown }
            }
            paths.insert(path)
        }
        return paths.isEmpty ? nil : SourceChanges(paths: paths)
    }
}
#endif
