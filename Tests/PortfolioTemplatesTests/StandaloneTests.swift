@testable import PortfolioTemplates
import Testing

/// The spec's standalone-line rule, across tag kinds: a section, inverted section, end
/// of section, comment or partial tag with only spaces and tabs beside it on its line
/// takes the whole line with it, line break included, both `\n` and `\r\n`. Variables are
/// never standalone. (The cases of each spec file are in that file's suite; these cover
/// the rule as the parser applies it.)
@Suite("Mustache standalone lines")
struct StandaloneTests {
    let data: TemplateValue = ["on": true, "off": false, "v": "V"]

    @Test func everyKindOfStandaloneTagTakesItsLine() throws {
        let template = "a\n{{#on}}\nb\n{{/on}}\n{{^off}}\nc\n{{/off}}\n{{! note }}\n{{>p}}\nd\n"
        #expect(try Mustache.render(template, data, partials: ["p": "P\n"]) == "a\nb\nc\nP\nd\n")
    }

    @Test func everyKindOfStandaloneTagTakesItsLineWithCRLF() throws {
        let template = "a\r\n  {{#on}}\r\nb\r\n\t{{/on}}\r\n {{^off}} \r\nc\r\n{{/off}}\r\n{{! note }}\r\n  {{>p}}\r\nd\r\n"
        #expect(try Mustache.render(template, data, partials: ["p": "P\r\n"]) == "a\r\nb\r\nc\r\nP\r\nd\r\n")
    }

    @Test func blanksAfterTheTagGoWithTheLine() throws {
        #expect(try Mustache.render("a\n{{#on}}  \t\nb\n{{/on}} \r\nc", data) == "a\nb\nc")
    }

    @Test func twoTagsOnALineAreNotStandalone() throws {
        // Each tag has another tag beside it, so the line and its blanks stay.
        #expect(try Mustache.render("a\n  {{#on}}{{/on}}\nb", data) == "a\n  \nb")
        #expect(try Mustache.render("a\n{{#on}}{{v}}\n{{/on}}b", data) == "a\nV\nb")
    }

    @Test func textBesideTheTagKeepsTheLine() throws {
        #expect(try Mustache.render("a\n- {{#on}}\nb{{/on}} -\n", data) == "a\n- \nb -\n")
    }

    /// Only spaces and tabs count as indentation; another blank, such as the ideographic
    /// space U+3000 common in Chinese text, keeps the line.
    @Test func onlySpacesAndTabsAreIndentation() throws {
        #expect(try Mustache.render("a\n\u{3000}{{! note }}\nb", data) == "a\n\u{3000}\nb")
    }

    /// A lone `\r` is not a line break: the tag after it is not at the start of a line.
    @Test func loneCarriageReturnIsNotALineBreak() throws {
        #expect(try Mustache.render("a\r{{! note }}\nb", data) == "a\r\nb")
    }

    /// A quirk, not in the spec: the parser skips `\r` among the blanks after a tag (not
    /// only right before `\n`), so `{{! x }} \r \n` is standalone too.
    @Test func carriageReturnsAmongTrailingBlanks() throws {
        #expect(try Mustache.render("a\n{{! note }} \r \nb", data) == "a\nb")
    }

    @Test func standaloneTagsInsideASectionBody() throws {
        let template = "<ul>\n{{#items}}\n  {{#on}}\n  <li>{{name}}</li>\n  {{/on}}\n{{/items}}\n</ul>\n"
        let out = try Mustache.render(template, ["items": [["name": "一"], ["name": "二"]], "on": true])
        #expect(out == "<ul>\n  <li>一</li>\n  <li>二</li>\n</ul>\n")
    }
}
