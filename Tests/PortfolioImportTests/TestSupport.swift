import Foundation
import PortfolioCore
@testable import PortfolioImport

/// The ePortfolio samples: the copies in `Fixtures/` beside this file, else the shared
/// originals in `../shared/fixtures/eportfolio/` next to the repository.
enum Fixtures {
    static let lf = "sample-export.txt"
    static let crlf = "sample-export-crlf.txt"

    static func path(_ name: String, filePath: String = #filePath) -> String {
        let here = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        let local = here.appendingPathComponent("Fixtures").appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: local.path) { return local.path }
        let repo = here.deletingLastPathComponent().deletingLastPathComponent()
        return repo.deletingLastPathComponent()
            .appendingPathComponent("shared/fixtures/eportfolio").appendingPathComponent(name).path
    }

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(name)))
    }

    static func page(_ name: String) throws -> EportfolioPage {
        try EportfolioParser.parse(data: data(name), path: name)
    }
}

/// A fresh folder under the system temporary folder, removed by `remove()`.
struct TempFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("portfolio-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
    }

    func write(_ data: Data, to name: String) throws {
        try data.write(to: URL(fileURLWithPath: file(name)))
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: URL(fileURLWithPath: file(name)), encoding: .utf8)
    }

    /// File name → bytes of every file directly inside `sub` (or the folder itself).
    func snapshot(_ sub: String? = nil) throws -> [String: Data] {
        let folder = sub.map(file) ?? path
        guard FileManager.default.fileExists(atPath: folder) else { return [:] }
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return out
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Runs an import of `inputs` into `folder/posts` with the given switches.
func runImport(_ inputs: [String], into folder: TempFolder, dryRun: Bool = false, force: Bool = false,
               keepEmpty: Bool = false) -> ImportReport {
    let options = ImportOptions(into: folder.file("posts"), dryRun: dryRun, force: force, keepEmpty: keepEmpty)
    return Importer(options: options).run(paths: inputs)
}
