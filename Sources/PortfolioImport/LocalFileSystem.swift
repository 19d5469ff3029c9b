import Foundation

/// The real disk, through `FileManager`.
public struct LocalFileSystem: ImportFileSystem {
    /// The disk.
    public init() {}

    /// The bytes of a file.
    public func read(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// The names of the regular files directly in `folder`; empty when it does not exist.
    public func fileNames(in folder: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: folder])
        }
        return try FileManager.default.contentsOfDirectory(atPath: folder)
    }

    /// Writes atomically, creating missing parent folders.
    public func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
