import Foundation
import PortfolioCore

/// Every regular file below a built folder, by path (with `/`), and the number each has
/// in the check. Listed with `readdir`; links are not followed. Paths are looked up by
/// their UTF-8 bytes (`UTF8Key`): most are Chinese, which `String` would normalise to hash.
public struct OutputFiles: Sendable {
    /// Every regular file's path below the folder, sorted.
    public let paths: [String]
    let index: [UTF8Key: Int32]

    /// The files below `folder`.
    public init(folder: String) {
        var paths: [String] = []
        Self.walk(folder, prefix: "", into: &paths)
        paths.sort()
        self.paths = paths
        var index: [UTF8Key: Int32] = [:]
        index.reserveCapacity(paths.count)
        for (i, path) in paths.enumerated() { index[UTF8Key(path)] = Int32(i) }
        self.index = index
    }

    private static func walk(_ folder: String, prefix: String, into paths: inout [String]) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                if lstat(folder + "/" + name, &info) == 0 { type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : 0 }
            }
            if type == UInt8(DT_DIR) { walk(folder + "/" + name, prefix: prefix + name + "/", into: &paths) }
            else if type == UInt8(DT_REG) { paths.append(prefix + name) }
        }
    }

    /// The file a decoded site path names: itself, or the `index.html` of its folder
    /// (with or without the final `/`, which servers add with a redirect).
    func file(for path: String) -> Int32? {
        if path.isEmpty || path.utf8.last == UInt8(ascii: "/") { return index[UTF8Key(path + "index.html")] }
        return index[UTF8Key(path)] ?? index[UTF8Key(path + "/index.html")]
    }

    /// A file's bytes; nil when it cannot be read.
    public static func read(_ path: String, into buffer: inout [UInt8]) -> Int? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        if buffer.count < size { buffer = [UInt8](repeating: 0, count: size) }
        var done = 0
        while done < size {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, size - done) }
            if n <= 0 { break }
            done += n
        }
        return done
    }
}
