import Foundation
import PortfolioCore

/// The target folder as one import run sees it: the files on disk, plus the files this
/// run has planned (so a dry run decides exactly as a real run would).
struct TargetFolder {
    /// The folder, as given.
    let path: String
    private let fileSystem: any ImportFileSystem
    /// Lower-cased names of every file on disk or planned (case-insensitive disks too).
    private var taken: Set<String> = []
    /// Which file holds which post, from front matter on disk and from this run.
    private var owners: [ImportIdentity: String] = [:]
    /// Files this run will write, by name.
    private var planned: [String: Data] = [:]

    /// Reads the folder's file names and the identity of every `.md` file in it.
    init(path: String, fileSystem: any ImportFileSystem, dates: DateParser) throws {
        self.path = path
        self.fileSystem = fileSystem
        for name in try fileSystem.fileNames(in: path).sorted() {
            taken.insert(name.lowercased())
            guard name.hasSuffix(".md"), let data = try? fileSystem.read(fileSystem.join(path, name)),
                  let text = String(data: data, encoding: .utf8),
                  let identity = ImportIdentity.read(from: text, dates: dates),
                  owners[identity] == nil else { continue }
            owners[identity] = name
        }
    }

    /// `name` inside the folder.
    func filePath(_ name: String) -> String { fileSystem.join(path, name) }

    /// The file that already holds this post, if any.
    func owner(of identity: ImportIdentity) -> String? { owners[identity] }

    /// The first free name `slug.md`, `slug-2.md`, … not held by another file.
    func freeName(for slug: String) -> String {
        var n = 1
        while taken.contains(ImportSlug.candidate(slug, n).lowercased() + ".md") { n += 1 }
        return ImportSlug.candidate(slug, n) + ".md"
    }

    /// The bytes the file will hold before this post is written: planned, else on disk.
    func contents(of name: String) -> Data? {
        if let data = planned[name] { return data }
        guard taken.contains(name.lowercased()) else { return nil }
        return try? fileSystem.read(filePath(name))
    }

    /// Records that `name` belongs to the post, and the bytes it will hold if written.
    mutating func claim(_ name: String, for identity: ImportIdentity, writing data: Data?) {
        taken.insert(name.lowercased())
        owners[identity] = name
        if let data { planned[name] = data }
    }
}
