import Foundation
import PortfolioCore
import PortfolioSite

/// The content-hash names of a site's stylesheets and scripts: every CSS and JavaScript
/// output of the theme or of `static/`, whatever its name, becomes `NAME.HASH.EXT`, and
/// pages refer to it by that name with its Subresource Integrity hash.
public struct AssetFingerprints: Sendable {
    /// One renamed file.
    public struct Entry: Sendable, Equatable {
        /// Its path below the output folder, before and after.
        public var original: String
        public var hashed: String
        /// `sha384-…`, for an `integrity` attribute.
        public var integrity: String
    }

    /// File name endings of the files that get hashed names.
    static let hashedExtensions: Set<String> = ["css", "js", "mjs"]
    /// How many hexadecimal digits of the hash a name carries.
    static let nameDigits = 10

    /// The renamed files, by their original path.
    public let entries: [String: Entry]
    /// Each way a page may write a renamed file's address (root-relative, and absolute
    /// with the base URL), with what it becomes.
    let references: [(from: [UInt8], to: [UInt8], integrity: [UInt8])]

    /// The fingerprints of `outputs` (a site's outputs other than pages).
    public init(_ outputs: [SiteOutput], links: SiteLinks) {
        var entries: [String: Entry] = [:]
        for output in outputs where Self.isHashed(output) {
            let digest = SHA384.hash(output.bytes)
            let integrity = "sha384-" + Data(digest).base64EncodedString()
            let hex = digest.prefix(Self.nameDigits / 2).map { String(format: "%02x", $0) }.joined()
            entries[output.path] = Entry(original: output.path, hashed: Self.hashedName(output.path, hex: hex), integrity: integrity)
        }
        self.entries = entries
        var references: [(from: [UInt8], to: [UInt8], integrity: [UInt8])] = []
        for entry in entries.values.sorted(by: { $0.original < $1.original }) {
            let integrity = Array(entry.integrity.utf8)
            references.append((Array(links.path(entry.original).utf8), Array(links.path(entry.hashed).utf8), integrity))
            references.append((Array(links.absolute(entry.original).utf8), Array(links.absolute(entry.hashed).utf8), integrity))
        }
        self.references = references
    }

    /// Whether an output is a stylesheet or script of the theme or of `static/`.
    static func isHashed(_ output: SiteOutput) -> Bool {
        guard output.kind == .asset || output.kind == .staticFile else { return false }
        let name = output.path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return hashedExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// `assets/style.css` → `assets/style.0123456789.css`.
    static func hashedName(_ path: String, hex: String) -> String {
        let dot = path.lastIndex(of: ".")!
        return path[..<dot] + "." + hex + path[dot...]
    }

    /// The output under its hashed name, or as it is.
    public func renamed(_ output: SiteOutput) -> SiteOutput {
        guard let entry = entries[output.path] else { return output }
        return SiteOutput(entry.hashed, output.kind, output.bytes)
    }
}
