import ArgumentParser
import Foundation

/// Options every site command shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (holds portfolio.yml and content/).")
    var source: String = "."

    var siteRoot: URL {
        URL(fileURLWithPath: source, isDirectory: true).standardizedFileURL
    }

    func validate() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("no site folder at \(source)")
        }
    }
}

/// Prints errors to standard error, one per line.
func report(_ errors: [CustomStringConvertible]) {
    for error in errors { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
}

/// Writes one line to standard output at once. `print` leaves its text in the C library's
/// buffer until exit when the output is a pipe or a file, so a long or killed build could
/// not be followed there.
func printLine(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
