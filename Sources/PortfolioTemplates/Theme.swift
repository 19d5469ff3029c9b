import Foundation
import PortfolioCore
import PortfolioTheme

/// The theme a site renders with: the default theme built into the program (the files of
/// the repository's `templates/`), with each file of the site's own `templates/` folder
/// taking the place of the default file at the same path.
///
/// The theme's files, by path below `templates/`:
/// - `NAME.mustache`: the Mustache templates (`head`, `article`, `card`, …);
/// - `assets/…`: stylesheets, scripts and images, copied to `assets/…` in the output;
/// - `search.js`: the search page's script, written minified to `search/search.js`;
/// - `live-reload.js`: the script the preview server adds to every page it serves.
public struct Theme: Sendable {
    let renderer: MustacheRenderer
    /// Names of the templates that came from the site rather than the default theme.
    public let overridden: [String]
    /// Static assets of the theme (path below the output root → bytes).
    public let assets: [String: [UInt8]]
    /// The search page's script, as written (not minified).
    public let searchScript: String
    /// The search page's script minified, as the site serves it (made once per theme, not
    /// on every rebuild of the preview).
    public let minifiedSearchScript: [UInt8]
    /// The preview server's live-reload script.
    public let liveReloadScript: String

    /// Loads the default theme, then `templatesFolder` (if it exists) over it. Every
    /// template that does not parse and every file that cannot be read is reported, with
    /// its line where it has one.
    public init(templatesFolder: URL?, displayPrefix: String = "templates/") throws(PortfolioErrors) {
        var files: [String: (bytes: [UInt8], display: String)] = [:]
        for file in EmbeddedTheme.files { files[file.path] = (file.bytes, "default theme: \(file.path)") }
        var errors: [PortfolioError] = []
        var overridden: Set<String> = []
        if let folder = templatesFolder, FileManager.default.fileExists(atPath: folder.path) {
            let paths = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
            for path in paths.sorted() where Self.isThemeFile(path) {
                var isFolder: ObjCBool = false
                let url = folder.appendingPathComponent(path)
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    errors.append(PortfolioError(.template, "cannot read this theme file", at: SourceLocation(path: displayPrefix + path)))
                    continue
                }
                files[path] = (Array(data), displayPrefix + path)
                overridden.insert(path)
            }
        }
        var templates: [String: [MustacheNode]] = [:]
        var assets: [String: [UInt8]] = [:]
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            if path.hasSuffix(".mustache") {
                do throws(PortfolioError) {
                    templates[String(path.dropLast(".mustache".count))] = try Self.parse(file.bytes, display: file.display)
                } catch { errors.append(error) }
            } else if path.hasPrefix("assets/") {
                assets[path] = file.bytes
            }
        }
        if !errors.isEmpty { throw PortfolioErrors(errors) }
        self.renderer = MustacheRenderer(templates: templates)
        self.overridden = overridden.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }.sorted()
        self.assets = assets
        self.searchScript = String(decoding: files["search.js"]?.bytes ?? [], as: UTF8.self)
        self.minifiedSearchScript = Array(ScriptMinifier.minify(searchScript).utf8)
        self.liveReloadScript = String(decoding: files["live-reload.js"]?.bytes ?? [], as: UTF8.self)
    }

    /// Whether a file at `path` below `templates/` is part of the theme (others, such as
    /// an editor's swap file or a README, are left alone).
    public static func isThemeFile(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard !name.hasPrefix(".") else { return false }
        return path.hasSuffix(".mustache") || path.hasPrefix("assets/") || path == "search.js" || path == "live-reload.js"
    }

    /// Whether a change to the theme file at `path` can change pages (templates can;
    /// assets and scripts are files of their own).
    public static func shapesPages(_ path: String) -> Bool {
        path.hasSuffix(".mustache")
    }

    static func parse(_ bytes: [UInt8], display: String) throws(PortfolioError) -> [MustacheNode] {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PortfolioError(.template, "cannot read the template as UTF-8 text", at: SourceLocation(path: display))
        }
        return try MustacheParser.parse(text, path: display)
    }

    /// Renders a template with a context; a missing template renders as empty text.
    /// (A literal context is taken as a map, by the overload below.)
    @_disfavoredOverload
    public func render(_ name: String, _ context: TemplateValue) -> String {
        renderer.render(name, context)
    }

    /// Renders a template with a map context.
    public func render(_ name: String, _ context: TemplateMap) -> String {
        renderer.render(name, .map(context))
    }

    /// Renders a card: a fragment kept for the whole build and shown in many lists, so it
    /// is made in a small buffer (a page-sized one stays with the string, and ten
    /// thousand cards held 16 KB each).
    public func renderCard(_ context: TemplateMap) -> String {
        renderer.render("card", .map(context), capacity: 1024)
    }
}

extension Theme {
    /// The default theme's files (path below `templates/` → bytes), for `portfolio init`.
    public static var defaultFiles: [(path: String, bytes: [UInt8])] {
        EmbeddedTheme.files
    }
}
