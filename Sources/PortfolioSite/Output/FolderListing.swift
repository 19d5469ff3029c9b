import Foundation

/// A folder's entries read with `readdir`, without FileManager: listing the content
/// folder of a large site through FileManager took longer than loading its config.
enum FolderListing {
    /// The entries of a folder (without `.` and `..`) with their types (`DT_DIR`, `DT_REG`,
    /// `DT_LNK` and so on); none when it cannot be read.
    static func entries(_ path: String) -> [(name: String, type: UInt8)] {
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

    /// Paths of the files below `path` (relative to it) that `keep` accepts, without
    /// entering hidden folders. Symbolic links to folders are followed, each folder once
    /// (so a link to a folder above it ends instead of looping); other links are listed
    /// as files. Unsorted.
    static func files(under path: String, keep: (String) -> Bool) -> [String] {
        var found: [String] = []
        var seen: Set<FolderID> = []
        if let id = FolderID(path) { seen.insert(id) }
        walk(path, relative: "", keep: keep, seen: &seen, into: &found)
        return found
    }

    /// A folder's device and inode: the same folder, whatever path reaches it.
    struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64

        /// The folder at `path` (links followed); nil when it is not a folder.
        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private static func walk(_ path: String, relative: String, keep: (String) -> Bool, seen: inout Set<FolderID>,
                             into found: inout [String]) {
        for entry in entries(path) where !entry.name.hasPrefix(".") {
            let rel = relative.isEmpty ? entry.name : relative + "/" + entry.name
            let full = path + "/" + entry.name
            let folder = entry.type == UInt8(DT_DIR) || entry.type == UInt8(DT_LNK) ? FolderID(full) : nil
            if let folder {
                if seen.insert(folder).inserted { walk(full, relative: rel, keep: keep, seen: &seen, into: &found) }
            } else if keep(entry.name) {
                found.append(rel)
            }
        }
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
