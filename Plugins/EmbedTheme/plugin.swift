import Foundation
import PackagePlugin

/// Builds the default theme into the program: every file of the package's `templates/`
/// folder becomes data in a generated Swift file of the target, so `portfolio` stays one
/// self-contained program and the theme stays real files that a designer can open.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedThemeFiles.swift")
        return [.buildCommand(
            displayName: "Embedding the default theme from templates/",
            executable: try context.tool(named: "ThemeEmbedder").url,
            arguments: [folder.path, output.path],
            inputFiles: Self.files(in: folder),
            outputFiles: [output]
        )]
    }

    /// The theme's files (hidden ones left out), so that editing any of them rebuilds.
    static func files(in folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}
