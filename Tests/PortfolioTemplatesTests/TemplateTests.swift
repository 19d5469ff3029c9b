import Foundation
import PortfolioCore
import PortfolioTemplates
import Testing

@Suite("Mustache templates")
struct TemplateTests {
    func theme(_ templates: [String: String]) throws -> Theme {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in templates { try Data(text.utf8).write(to: folder.appendingPathComponent("\(name).mustache")) }
        return try Theme(templatesFolder: folder)
    }

    @Test func variablesSectionsAndEscaping() throws {
        let t = try theme(["t": "{{a}}|{{{a}}}|{{&a}}|{{#list}}[{{.}}]{{/list}}|{{^empty}}none{{/empty}}|{{m.k}}|{{#m}}{{k}}{{top}}{{/m}}"])
        let out = t.render("t", ["a": "<b>", "list": ["1", "2"], "empty": [], "m": ["k": "v"], "top": 7])
        #expect(out == "&lt;b&gt;|<b>|<b>|[1][2]|none|v|v7")
    }

    @Test func standaloneTagsTakeTheirLine() throws {
        let t = try theme(["t": "a\n  {{#yes}}\nb\n  {{/yes}}\n{{! note }}\nc\n"])
        #expect(t.render("t", ["yes": true]) == "a\nb\nc\n")
    }

    @Test func partialsAndSiteOverrides() throws {
        let t = try theme(["head": "<h>{{site.title}}</h>", "t": "{{> head}}!"])
        #expect(t.render("t", ["site": ["title": "站"]]) == "<h>站</h>!")
        #expect(t.overridden.sorted() == ["head", "t"])
    }

    @Test func errorsNameFileAndLine() throws {
        #expect {
            try theme(["bad": "ok\n{{#a}}\n{{/b}}\n"])
        } throws: { error in
            guard let e = (error as? PortfolioErrors)?.errors.first else { return false }
            return e.location?.path == "templates/bad.mustache" && e.location?.line == 3
        }
        #expect(throws: PortfolioErrors.self) { try theme(["open": "{{#a}}never closed"]) }
        #expect(throws: PortfolioErrors.self) { try theme(["tag": "{{ unclosed"]) }
    }
}
