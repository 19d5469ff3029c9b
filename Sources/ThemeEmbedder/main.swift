import Foundation

// Writes a Swift file that holds every file of a theme folder, for the EmbedTheme plugin:
//   ThemeEmbedder TEMPLATES_FOLDER OUTPUT.swift
// Each file's bytes are kept as Base64 text, so any byte (a carriage return, a quote, a
// non-UTF-8 image) survives exactly; the program decodes them once, on first use.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder TEMPLATES_FOLDER OUTPUT.swift\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])

var paths: [String] = []
if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) {
    for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        paths.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
    }
}

var swift = "// Generated from templates/ by the EmbedTheme plugin when the package is built; edit the files in templates/.\n"
swift += "let embeddedThemeFiles: [(path: String, base64: String)] = [\n"
for path in paths.sorted() {
    do {
        let data = try Data(contentsOf: folder.appendingPathComponent(path))
        // A path is written as a Swift string literal: quotes and backslashes escaped.
        let literal = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        swift += "    (\"\(literal)\", \"\(data.base64EncodedString())\"),\n"
    } catch {
        FileHandle.standardError.write(Data("templates/\(path): cannot read: \(error.localizedDescription)\n".utf8))
        exit(1)
    }
}
swift += "]\n"
do {
    try Data(swift.utf8).write(to: output, options: .atomic)
} catch {
    FileHandle.standardError.write(Data("\(output.path): cannot write: \(error.localizedDescription)\n".utf8))
    exit(1)
}
