import PortfolioCore
@testable import PortfolioTemplates
import Testing

/// Partials, after `specs/partials.yml`.
///
/// A partial is any other template of the theme, by name (`{{> head}}` shows
/// `head.mustache`; `{{> parts/nav}}` shows `parts/nav.mustache`). Each template is parsed
/// on its own, so a section cannot open in one template and close in another.
@Suite("Mustache partials")
struct PartialTests {
    // partials.yml: Basic Behavior
    @Test func partialIsShownInPlace() throws {
        #expect(try Mustache.render("[{{>note}}]", partials: ["note": "from the partial"]) == "[from the partial]")
    }

    // partials.yml: Failed Lookup
    @Test func missingPartialShowsNothing() throws {
        #expect(try Mustache.render("[{{>nowhere}}]") == "[]")
    }

    // partials.yml: Context
    @Test func partialSeesTheCurrentContext() throws {
        #expect(try Mustache.render("[{{>note}}]", ["word": "inside"], partials: ["note": "*{{word}}*"]) == "[*inside*]")
        // Inside a section, the partial sees the section's context and everything outside it.
        let data: TemplateValue = ["site": "S", "posts": [["title": "one"], ["title": "two"]]]
        #expect(try Mustache.render("{{#posts}}{{>item}}{{/posts}}", data, partials: ["item": "({{title}}@{{site}})"])
            == "(one@S)(two@S)")
    }

    // partials.yml: Recursion
    @Test func partialMayIncludeItself() throws {
        let data: TemplateValue = ["label": "root", "kids": [["label": "a", "kids": []], ["label": "b", "kids": [["label": "c", "kids": []]]]]]
        let tree = "{{label}}<{{#kids}}{{>tree}}{{/kids}}>"
        #expect(try Mustache.render("{{>tree}}", data, partials: ["tree": tree]) == "root<a<>b<c<>>>")
    }

    /// Not in the spec: a partial that includes itself with nothing to stop it ends after
    /// 32 levels instead of looping until the stack runs out.
    @Test func endlessSelfInclusionStops() throws {
        #expect(try Mustache.render("{{>again}}", partials: ["again": "x{{>again}}"]) == String(repeating: "x", count: 32))
    }

    // partials.yml: Nested
    @Test func partialInsideAPartial() throws {
        let partials = ["outer": "*{{a}} {{>inner}}*", "inner": "{{b}}!"]
        #expect(try Mustache.render("{{>outer}}", ["a": "good", "b": "day"], partials: partials) == "*good day!*")
    }

    // partials.yml: Surrounding Whitespace, Inline Indentation
    @Test func inlinePartialKeepsWhitespace() throws {
        #expect(try Mustache.render("| {{>p}} |", partials: ["p": "\t|\t"]) == "| \t|\t |")
        #expect(try Mustache.render("  {{v}}  {{> p}}\n", ["v": "|"], partials: ["p": ">\n>"]) == "  |  >\n>\n")
    }

    // partials.yml: Standalone Line Endings
    @Test func standalonePartialWithCRLF() throws {
        #expect(try Mustache.render("|\r\n{{>p}}\r\n|", partials: ["p": ">"]) == "|\r\n>|")
    }

    // partials.yml: Standalone Without Previous Line, Standalone Without Newline,
    // Standalone Indentation.
    //
    // Deviation: the spec prefixes every line of a standalone partial with the whitespace
    // that indented its tag. This renderer drops the tag's whole line, indentation
    // included, and shows the partial without indenting it. Indenting would change the
    // pages of any site whose templates indent a standalone `{{> name}}` (inside `<pre>`,
    // the indentation would show), so the behaviour stays; the default theme's partial
    // tags are not indented, and render the same either way.
    @Test func standalonePartialIsNotIndented() throws {
        // The spec expects "  >\n  >>".
        #expect(try Mustache.render("  {{>p}}\n>", partials: ["p": ">\n>"]) == ">\n>>")
        // The spec expects ">\n  >\n  >".
        #expect(try Mustache.render(">\n  {{>p}}", partials: ["p": ">\n>"]) == ">\n>\n>")
        // The spec expects "\\\n |\n <\n->\n |\n/\n" (the value's own line break is never indented).
        let template = "\\\n {{>p}}\n/\n"
        let out = try Mustache.render(template, ["body": "<\n->"], partials: ["p": "|\n{{{body}}}\n|\n"])
        #expect(out == "\\\n|\n<\n->\n|\n/\n")
    }

    // partials.yml: Padding Whitespace
    @Test func spacesInsidePartialTags() throws {
        #expect(try Mustache.render("|{{> p }}|", partials: ["p": "[]"]) == "|[]|")
        #expect(try Mustache.render("|{{>p}}|{{>  p\t}}|", partials: ["p": "[]"]) == "|[]|[]|")
    }

    /// Partials from a site's `templates/` folder, subfolders included, through `Theme`.
    @Test func partialsFromTheTemplatesFolder() throws {
        let theme = try Mustache.theme(["page": "<{{> parts/nav}}>", "parts/nav": "{{#links}}[{{.}}]{{/links}}"])
        #expect(theme.render("page", ["links": ["首頁", "關於"]]) == "<[首頁][關於]>")
        #expect(theme.overridden.sorted() == ["page", "parts/nav"])
    }

    /// A section cannot be closed by another template: each one must balance on its own.
    @Test func sectionsDoNotCrossTemplates() throws {
        let error = try #require(Mustache.parseError("{{#items}}\n{{title}}\n", path: "open.mustache"))
        #expect(error.location == PortfolioCore.SourceLocation(path: "open.mustache", line: 1))
    }
}
