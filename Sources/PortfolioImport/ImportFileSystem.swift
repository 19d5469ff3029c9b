import Foundation

/// The file operations the importer needs, so that tests and tools can supply their own.
/// Paths are as the user gave them (relative to the working folder or absolute).
public protocol ImportFileSystem: Sendable {
    /// The bytes of a file.
    func read(_ path: String) throws -> Data
    /// The names of the files directly in `folder`; empty when the folder does not exist.
    func fileNames(in folder: String) throws -> [String]
    /// Writes `data` to `path` in one step, creating missing parent folders.
    func write(_ data: Data, to path: String) throws
}

extension ImportFileSystem {
    /// `name` inside `folder`, joined with one `/`.
    public func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty || folder == "." { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
