import Foundation
import PortfolioTemplates
import Testing

@Suite("Theme files")
struct ThemeFilesTests {
    /// The repository's `templates/` folder, which is the default theme.
    static let templatesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates")

    /// The program carries exactly the files of `templates/`, byte for byte.
    @Test func builtInThemeIsTheTemplatesFolder() throws {
        let folder = Self.templatesFolder
        let onDisk = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
                && !isFolder.boolValue && !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }.sorted()
        #expect(Theme.defaultFiles.map(\.path) == onDisk)
        for file in Theme.defaultFiles {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(file.path))
            #expect(Array(bytes) == file.bytes, "\(file.path) differs from the built-in copy")
        }
        for name in ["head", "foot", "card", "pagination", "home", "article", "list", "terms", "archives", "search", "404"] {
            #expect(onDisk.contains("\(name).mustache"))
        }
        #expect(onDisk.contains("search.js") && onDisk.contains("live-reload.js") && onDisk.contains("assets/style.css"))
    }

    /// The search script builds the page with text nodes only and asks nothing of another host.
    @Test func searchScriptBuildsDOMWithoutInnerHTML() throws {
        let js = ScriptMinifier.minify(try Theme(templatesFolder: nil).searchScript)
        #expect(js.contains("getElementById"))
        #expect(!js.contains("innerHTML"))
        #expect(!js.contains("insertAdjacentHTML"))
        #expect(!js.contains("document.write"))
        #expect(!js.contains("http:"))
        #expect(!js.contains("https:"))
        #expect(js.utf8.count < 20_000)
    }

    /// A site's file takes the place of the default one at the same path; other files stay.
    @Test func siteFilesReplaceDefaults() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try "body{}".write(to: folder.appendingPathComponent("assets/style.css"), atomically: true, encoding: .utf8)
        try "// site search\n".write(to: folder.appendingPathComponent("search.js"), atomically: true, encoding: .utf8)
        try "notes".write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let theme = try Theme(templatesFolder: folder)
        #expect(theme.assets["assets/style.css"] == Array("body{}".utf8))
        #expect(theme.assets["assets/counter.js"] != nil)
        #expect(theme.searchScript == "// site search\n")
        #expect(theme.liveReloadScript.contains("EventSource"))
        #expect(theme.assets["README.md"] == nil && theme.overridden.isEmpty)
    }
}
