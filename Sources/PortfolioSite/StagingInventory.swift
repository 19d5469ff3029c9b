import Foundation

/// What a reused staging folder held when the build took it: its files and folders,
/// relative to it. Taking stock also removes anything that is neither (links above all),
/// so no write of this build can follow a link out of the staging folder.
struct StagingInventory {
    var files: [String] = []
    var folders: [String] = []

    init(_ root: String) {
        scan(root, relative: "")
    }

    private mutating func scan(_ path: String, relative: String) {
        for entry in Self.entries(path) {
            let full = path + "/" + entry.name
            let rel = relative.isEmpty ? entry.name : relative + "/" + entry.name
            switch entry.type {
            case UInt8(DT_DIR):
                folders.append(rel)
                scan(full, relative: rel)
            case UInt8(DT_REG):
                files.append(rel)
            default:
                _ = unlink(full)
            }
        }
    }

    /// Removes the files not in `written`, then the folders left empty, deepest first.
    func prune(_ root: String, keeping written: Set<String>) {
        for file in files where !written.contains(file) { _ = unlink(root + "/" + file) }
        // A folder that still holds files is not removed: rmdir refuses, as it should.
        for folder in folders.reversed() { _ = rmdir(root + "/" + folder) }
    }

    /// The entries of a folder (without `.` and `..`) with their types.
    private static func entries(_ path: String) -> [(name: String, type: UInt8)] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var entries: [(String, UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) { type = typeByLstat(path + "/" + name) }
            entries.append((name, type))
        }
        return entries
    }

    /// For file systems whose folder entries carry no type.
    private static func typeByLstat(_ path: String) -> UInt8 {
        var info = stat()
        guard lstat(path, &info) == 0 else { return UInt8(DT_UNKNOWN) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return UInt8(DT_DIR)
        case S_IFREG: return UInt8(DT_REG)
        default: return UInt8(DT_LNK)
        }
    }
}
