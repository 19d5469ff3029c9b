import Foundation
import PortfolioCore

/// The only code that writes the output folder. Pages go into a staging folder beside
/// the output; `commit()` swaps it in with one rename, so a failed build leaves the
/// previous output exactly as it was. The staging folder is the output before last when
/// there is one (see `SpareOutput`): its files are overwritten, and those this build did
/// not write are removed before the swap.
public final class OutputWriter: @unchecked Sendable {
    public let output: URL
    public let staging: URL
    private let stagingPath: String
    /// The staging folder, open: files and folders are made relative to it, so the system
    /// does not walk the folders above it again for each of them.
    private(set) var stagingFolder: Int32 = -1
    private let lock = NSLock()
    private var madeFolders: Set<UTF8Key> = []
    private var failures: [PortfolioError] = []
    /// What the staging folder held before this build, when it is a reused earlier output
    /// (to be pruned before the swap); nil for a fresh staging folder.
    private let inventory: StagingInventory?
    private var reusing: Bool { inventory != nil }
    /// The relative paths written, kept when reusing.
    private var written: Set<String> = []
    /// Files and bytes written so far.
    public private(set) var fileCount = 0
    public private(set) var byteCount = 0

    /// Checks that `output` may be replaced and creates the staging folder.
    public init(output: URL, siteRoot: URL) throws(PortfolioError) {
        let output = output.standardizedFileURL.resolvingSymlinksInPath()
        try Self.checkSafe(output: output, siteRoot: siteRoot.standardizedFileURL.resolvingSymlinksInPath())
        self.output = output
        let parent = output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(getpid())")
        stagingPath = staging.path
        let reused = SpareOutput.take(besides: output, to: staging)
        inventory = reused ? StagingInventory(stagingPath) : nil
        if !reused {
            let fm = FileManager.default
            do {
                try? fm.removeItem(at: staging)
                try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            } catch {
                throw PortfolioError(.output, "cannot create the staging folder: \(error.localizedDescription)",
                                     at: SourceLocation(path: staging.path))
            }
        }
        stagingFolder = open(stagingPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard stagingFolder >= 0 else {
            throw PortfolioError(.output, "cannot open the staging folder: \(String(cString: strerror(errno)))",
                                 at: SourceLocation(path: staging.path))
        }
        Trash.sweep(besides: output)
        write(OutputMarker.name, OutputMarker.bytes)
    }

    /// Refuses an output that is, contains or sits inside the sources, or that exists
    /// without the marker (it was not made by portfolio).
    static func checkSafe(output: URL, siteRoot: URL) throws(PortfolioError) {
        let out = output.path, root = siteRoot.path
        let at = SourceLocation(path: out)
        if out == root || root.hasPrefix(out.hasSuffix("/") ? out : out + "/") || out == "/" {
            throw PortfolioError(.output, "the output folder is or contains the site's sources; choose another --output", at: at)
        }
        for source in ["content", "templates", "static"] {
            let folder = siteRoot.appendingPathComponent(source).path
            if out == folder || out.hasPrefix(folder + "/") {
                throw PortfolioError(.output, "the output folder is inside \(source)/; choose another --output", at: at)
            }
        }
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: out, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw PortfolioError(.output, "the output path is a file, not a folder", at: at) }
        let entries = (try? fm.contentsOfDirectory(atPath: out)) ?? []
        if !entries.isEmpty && !entries.contains(OutputMarker.name) {
            throw PortfolioError(.output, "this folder exists and was not made by portfolio (no \(OutputMarker.name) file); refusing to replace it", at: at)
        }
    }

    /// Writes one file below the staging folder; safe to call from many threads.
    public func write(_ relativePath: String, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write(relativePath, contents: $0) }
    }

    /// Writes UTF-8 text, straight from the string's storage (pages are not copied).
    public func write(_ relativePath: String, _ text: String) {
        var text = text
        text.withUTF8 { write(relativePath, contents: UnsafeRawBufferPointer($0)) }
    }

    private func write(_ relativePath: String, contents buffer: UnsafeRawBufferPointer) {
        if let slash = relativePath.lastIndex(of: "/") { ensureFolder(String(relativePath[..<slash])) }
        let fd = openForWriting(relativePath, truncate: !reusing)
        var ok = fd >= 0
        if ok {
            defer { close(fd) }
            var offset = 0
            while ok, offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                ok = n > 0
                offset += max(n, 0)
            }
            ok = ok && (!reusing || ftruncate(fd, off_t(buffer.count)) == 0)
        }
        lock.lock()
        defer { lock.unlock() }
        if ok {
            fileCount += 1
            byteCount += buffer.count
            if reusing { written.insert(relativePath) }
        } else {
            failures.append(Self.writeFailure(errno, at: relativePath))
        }
    }

    /// Makes a folder below the staging folder (and those above it) once.
    private func ensureFolder(_ path: String) {
        lock.lock()
        let known = madeFolders.contains(UTF8Key(path))
        lock.unlock()
        guard !known else { return }
        makeFolder(path)
        lock.lock()
        madeFolders.insert(UTF8Key(path))
        lock.unlock()
    }

    /// The error for a file that could not be written, saying what ran out when it was
    /// the disk.
    static func writeFailure(_ code: Int32, at path: String) -> PortfolioError {
        let reason = code == ENOSPC || code == EDQUOT
            ? "cannot write: the disk is full (\(String(cString: strerror(code)))); free some space and build again"
            : "cannot write: \(String(cString: strerror(code)))"
        return PortfolioError(.output, reason, at: SourceLocation(path: path))
    }

    /// The first failures, and one line for the rest: a full disk fails every file after it.
    static func summarized(_ failures: [PortfolioError], keeping limit: Int = 10) -> [PortfolioError] {
        guard failures.count > limit else { return failures }
        let sorted = failures.sorted { ($0.location?.path ?? "") < ($1.location?.path ?? "") }
        return Array(sorted.prefix(limit)) + [PortfolioError(.output, "… and \(failures.count - limit) more files could not be written")]
    }

    /// Swaps the staging folder in for the output. Throws if any write failed; then the
    /// old output stays and the staging folder is removed, not kept as the spare: what it
    /// holds is half written, and on a full disk the space it takes is what ran out.
    public func commit() throws(PortfolioErrors) {
        closeStaging()
        if !failures.isEmpty {
            abandon()
            throw PortfolioErrors(Self.summarized(failures))
        }
        inventory?.prune(stagingPath, keeping: written)
        do {
            if let old = try AtomicSwap.replace(output, with: staging) { SpareOutput.keep(old, besides: output) }
        } catch {
            discard()
            throw PortfolioErrors([error])
        }
    }

    /// Gives up the staging folder, leaving the output untouched; it is kept as the
    /// spare, which the next build prunes.
    public func discard() {
        closeStaging()
        SpareOutput.keep(staging, besides: output)
    }

    /// Removes the staging folder at once (its space is free when this returns), leaving
    /// the output untouched.
    func abandon() {
        closeStaging()
        try? FileManager.default.removeItem(at: staging)
    }

    private func closeStaging() {
        if stagingFolder >= 0 { close(stagingFolder) }
        stagingFolder = -1
    }

    deinit { closeStaging() }
}
