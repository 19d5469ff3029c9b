import Foundation
import PortfolioCore
@testable import PortfolioTemplates
import Testing

/// What the renderer does not support, and templates that do not parse: each is a
/// `PortfolioError` of kind `.template` that names the file and the line.
///
/// Lambdas (`~lambdas.yml`) need no error: a context is a `TemplateValue`, which has no
/// case that holds a function, so no value can be called from a template.
@Suite("Mustache template errors")
struct TemplateErrorTests {
    func expectError(_ template: String, line: Int, _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let error = Mustache.parseError(template, path: "templates/t.mustache") else {
            Issue.record("the template parsed", sourceLocation: sourceLocation)
            return
        }
        #expect(error.kind == .template, sourceLocation: sourceLocation)
        #expect(error.location == PortfolioCore.SourceLocation(path: "templates/t.mustache", line: line), sourceLocation: sourceLocation)
        #expect(error.message == message, sourceLocation: sourceLocation)
    }

    // delimiters.yml: the Set Delimiter tag is not supported.
    @Test func setDelimitersIsAnError() {
        expectError("<p>\n{{title}}\n{{=<% %>=}}\n<% title %>\n", line: 3, "changing delimiters is not supported")
        expectError("{{= | | =}}", line: 1, "changing delimiters is not supported")
        // A CRLF template counts its lines the same way.
        expectError("<p>\r\n\r\n  {{=<% %>=}}\r\n", line: 3, "changing delimiters is not supported")
    }

    @Test func errorReadsAsPathLineKindMessage() throws {
        let error = try #require(Mustache.parseError("one\ntwo\n{{=<% %>=}}\n", path: "templates/home.mustache"))
        #expect(error.description == "templates/home.mustache:3: template error: changing delimiters is not supported")
    }

    /// The optional modules `~inheritance.yml` (`{{<parent}}`, `{{$block}}`) and
    /// `~dynamic-names.yml` (`{{>*name}}`) are not supported either.
    @Test func inheritanceAndDynamicNamesAreErrors() {
        expectError("a\n{{<base}}\n{{$body}}text{{/body}}\n{{/base}}\n", line: 2, "template inheritance (`{{<…}}`, `{{$…}}`) is not supported")
        expectError("a\n\n{{$body}}text{{/body}}\n", line: 3, "template inheritance (`{{<…}}`, `{{$…}}`) is not supported")
        expectError("a\n{{>*name}}\n", line: 2, "dynamic partial names (`{{>*…}}`) are not supported")
    }

    @Test func unclosedTag() {
        expectError("one\ntwo {{title\nthree\n", line: 2, "a tag is not closed with }}")
        expectError("one\n{{{body}}\n", line: 2, "a tag is not closed with }}}")
        expectError("{{! a comment that never ends\n\n", line: 1, "a tag is not closed with }}")
    }

    @Test func unclosedSection() {
        expectError("<ul>\n{{#items}}\n<li>{{.}}</li>\n</ul>\n", line: 2, "section `items` is never closed")
        expectError("{{#a}}\n{{^b}}\n{{/a}}", line: 3, "`{{/a}}` closes the wrong section; expected `{{/b}}`")
        // With sections nested, the innermost open one is reported.
        expectError("{{#a}}\n  {{#b}}\n", line: 2, "section `b` is never closed")
    }

    @Test func wrongClosingTag() {
        expectError("<ul>\n{{#items}}\n<li>{{.}}</li>\n{{/item}}\n", line: 4, "`{{/item}}` closes the wrong section; expected `{{/items}}`")
        expectError("text\n\n{{/items}}\n", line: 3, "`{{/items}}` closes a section that was never opened")
        expectError("{{#a.b}}x{{/a}}", line: 1, "`{{/a}}` closes the wrong section; expected `{{/a.b}}`")
    }

    @Test func tagWithoutAName() {
        expectError("a\n{{}}", line: 2, "a tag has no name")
        expectError("a\n\n{{#  }}{{/}}", line: 3, "a tag has no name")
        expectError("{{>}}", line: 1, "a tag has no name")
    }

    /// Every template that does not parse is reported, each with its file and line, in
    /// one `PortfolioErrors`; templates that parse do not hide the others' errors.
    @Test func themeReportsEveryBadTemplateAtOnce() throws {
        let folder = try Mustache.folder([
            "good.mustache": "{{#ok}}fine{{/ok}}\n",
            "delims.mustache": "<p>\n\n{{=<% %>=}}\n",
            "parts/open.mustache": "<ul>\n{{#items}}\n<li>{{.}}</li>\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        do throws(PortfolioErrors) {
            _ = try Theme(templatesFolder: folder)
            Issue.record("the theme loaded")
        } catch {
            #expect(error.errors.count == 2)
            #expect(error.errors.allSatisfy { $0.kind == .template })
            #expect(error.errors.map(\.location) == [
                PortfolioCore.SourceLocation(path: "templates/delims.mustache", line: 3),
                PortfolioCore.SourceLocation(path: "templates/parts/open.mustache", line: 2),
            ])
            #expect(error.description == """
            templates/delims.mustache:3: template error: changing delimiters is not supported
            templates/parts/open.mustache:2: template error: section `items` is never closed
            """)
        }
    }

    /// A template file that is not UTF-8 is reported by path, without a line.
    @Test func templateThatIsNotText() throws {
        let folder = try Mustache.folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data([0x66, 0xFF, 0xFE, 0x67]).write(to: folder.appendingPathComponent("bytes.mustache"))
        do throws(PortfolioErrors) {
            _ = try Theme(templatesFolder: folder)
            Issue.record("the theme loaded")
        } catch {
            #expect(error.errors.map(\.description) == ["templates/bytes.mustache: template error: cannot read the template as UTF-8 text"])
        }
    }
}
