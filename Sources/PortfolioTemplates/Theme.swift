import Foundation
import PortfolioCore

/// The Mustache templates a site renders with: the built-in default theme, with any
/// template of the same name in the site's `templates/` folder taking its place.
public struct Theme: Sendable {
    let renderer: MustacheRenderer
    /// Names of the templates that came from the site rather than the default theme.
    public let overridden: [String]
    /// Static assets of the theme (path below the output root → bytes).
    public let assets: [String: [UInt8]]

    /// Loads the default theme, then `templatesFolder` (if it exists) over it. Every
    /// template that does not parse is reported, with its line.
    public init(templatesFolder: URL?, displayPrefix: String = "templates/") throws(PortfolioErrors) {
        var templates: [String: [MustacheNode]] = [:]
        for (name, text) in DefaultTheme.templates {
            templates[name] = try! MustacheParser.parse(text, path: "default theme: \(name)")
        }
        var overridden: [String] = []
        var errors: [PortfolioError] = []
        var assets = DefaultTheme.assets
        if let folder = templatesFolder, FileManager.default.fileExists(atPath: folder.path) {
            let files = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
            for path in files.sorted() {
                let url = folder.appendingPathComponent(path)
                if path.hasSuffix(".mustache") {
                    do throws(PortfolioError) {
                        let name = String(path.dropLast(".mustache".count))
                        templates[name] = try Self.parse(url, display: displayPrefix + path)
                        overridden.append(name)
                    } catch { errors.append(error) }
                } else if path.hasPrefix("assets/"), let data = FileManager.default.contents(atPath: url.path) {
                    assets[path] = Array(data)
                }
            }
        }
        if !errors.isEmpty { throw PortfolioErrors(errors) }
        self.renderer = MustacheRenderer(templates: templates)
        self.overridden = overridden
        self.assets = assets
    }

    static func parse(_ url: URL, display: String) throws(PortfolioError) -> [MustacheNode] {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
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
    /// The default theme's template files (`name.mustache` → text) and assets, for `portfolio init`.
    public static var defaultFiles: [String: String] {
        var files: [String: String] = [:]
        for (name, text) in DefaultTheme.templates { files["\(name).mustache"] = text }
        for (path, bytes) in DefaultTheme.assets { files[path] = String(decoding: bytes, as: UTF8.self) }
        return files
    }
}
