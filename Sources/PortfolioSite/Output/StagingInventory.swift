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
        for entry in FolderListing.entries(path) {
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
}
