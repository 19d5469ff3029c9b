import Foundation

/// The output before last, kept beside the output as `.NAME.spare` and reused as the next
/// build's staging folder. Overwriting existing files and folders costs less than creating
/// new ones, and no build has to delete the previous output's tens of thousands of files
/// (on some file systems, new files are slow to create for minutes after such a delete).
enum SpareOutput {
    static func folder(besides output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).spare")
    }

    /// Moves the spare to `staging` if there is one made by portfolio; tells whether it did.
    static func take(besides output: URL, to staging: URL) -> Bool {
        let spare = folder(besides: output)
        let marker = spare.appendingPathComponent(OutputMarker.name).path
        guard OutputWriter.isRealFolder(spare.path), FileManager.default.fileExists(atPath: marker) else { return false }
        if FileManager.default.fileExists(atPath: staging.path) { Trash.dispose(staging) }
        return rename(spare.path, staging.path) == 0
    }

    /// Keeps `old` (the previous output after a swap, or a staging folder given up) as the
    /// spare; a spare already there goes to the trash.
    static func keep(_ old: URL, besides output: URL) {
        let spare = folder(besides: output)
        if FileManager.default.fileExists(atPath: spare.path) { Trash.dispose(spare) }
        if rename(old.path, spare.path) != 0 { Trash.dispose(old) }
    }
}
