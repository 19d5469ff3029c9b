import Foundation
import PortfolioCore

/// A file of the site's `static/` folder, copied as it is to the same path in the output.
public struct StaticFile: Sendable, Equatable {
    /// The path below `static/` (and below the output folder).
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// The one reader of `static/`, for the full build and the preview alike.
enum StaticFiles {
    /// Every file below `folder` (none when it does not exist), sorted by path. A file
    /// that cannot be read, or that is not a regular file (a FIFO, a socket, a device), is
    /// an error naming it; every such file is reported, and the readable ones still come back.
    static func read(_ folder: URL, display: String = "static/") -> (files: [StaticFile], errors: [PortfolioError]) {
        let fm = FileManager.default
        guard let names = try? fm.subpathsOfDirectory(atPath: folder.path) else { return ([], []) }
        var files: [StaticFile] = []
        var errors: [PortfolioError] = []
        for name in names.sorted() {
            let path = folder.appendingPathComponent(name).path
            var info = stat()
            guard stat(path, &info) == 0 else {
                errors.append(PortfolioError(.io, "cannot read this static file: \(String(cString: strerror(errno)))",
                                             at: SourceLocation(path: display + name)))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR { continue }
            guard info.st_mode & S_IFMT == S_IFREG else {
                errors.append(PortfolioError(.io, "not a regular file (a FIFO, socket or device); static/ holds files to copy",
                                             at: SourceLocation(path: display + name)))
                continue
            }
            guard let data = fm.contents(atPath: path) else {
                errors.append(PortfolioError(.io, "cannot read this static file", at: SourceLocation(path: display + name)))
                continue
            }
            files.append(StaticFile(path: name, bytes: Array(data)))
        }
        return (files, errors)
    }
}
