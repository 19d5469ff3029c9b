import Foundation
import PortfolioCore
@testable import PortfolioTemplates

/// Shared helpers for the Mustache tests.
///
/// The cases in this target follow the sections of the Mustache specification
/// (github.com/mustache/spec, `specs/*.yml`): each test names the file and case it is
/// modelled on. The templates and data are reworded; where portfolio's renderer does
/// something other than the spec, the test says so and asserts what the renderer does.
///
/// Lambdas (`~lambdas.yml`) have no tests and cannot occur: a context is a
/// `TemplateValue`, a typed tree of text, numbers, flags, lists and maps with no case
/// that holds a function, so there is nothing a template could call.
enum Mustache {
    /// Renders `template` as the template `main`, with `partials` as the other templates.
    static func render(_ template: String, _ data: TemplateValue = [:], partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try MustacheParser.parse(template, path: "main")]
        for (name, text) in partials { templates[name] = try MustacheParser.parse(text, path: name) }
        return MustacheRenderer(templates: templates).render("main", data)
    }

    /// The error parsing `template` throws, or nil when it parses.
    static func parseError(_ template: String, path: String = "t.mustache") -> PortfolioError? {
        do throws(PortfolioError) {
            _ = try MustacheParser.parse(template, path: path)
            return nil
        } catch {
            return error
        }
    }

    /// A new folder holding `files` (path → text), for loading as a site's `templates/`.
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mustache-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    /// A theme made from `templates` (name → text, written as `name.mustache`).
    static func theme(_ templates: [String: String]) throws -> Theme {
        var files: [String: String] = [:]
        for (name, text) in templates { files["\(name).mustache"] = text }
        let folder = try folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try Theme(templatesFolder: folder)
    }
}
