import PortfolioCore
@testable import PortfolioTemplates
import Testing

/// Variables, after `specs/interpolation.yml`.
@Suite("Mustache interpolation")
struct InterpolationTests {
    // interpolation.yml: No Interpolation
    @Test func textWithoutTagsIsCopied() throws {
        #expect(try Mustache.render("Single {braces} and } stray { ones stay.\n") == "Single {braces} and } stray { ones stay.\n")
    }

    // interpolation.yml: Basic Interpolation
    @Test func variableIsReplaced() throws {
        #expect(try Mustache.render("Good morning, {{name}}!\n", ["name": "Mei"]) == "Good morning, Mei!\n")
    }

    // interpolation.yml: No Re-interpolation
    @Test func valueIsNotReadAsATemplate() throws {
        let data: TemplateValue = ["code": "{{city}}", "city": "Taipei"]
        #expect(try Mustache.render("{{code}} is {{city}}", data) == "{{city}} is Taipei")
    }

    // interpolation.yml: HTML Escaping. The spec checks `& " < >`; the renderer escapes
    // the apostrophe too (as `&#39;`, like `Escape.html`), so a value is also safe in a
    // single-quoted attribute.
    @Test func doubleBracesEscapeHTML() throws {
        let data: TemplateValue = ["risky": #"& " < > '"#]
        #expect(try Mustache.render("Escaped: {{risky}}\n", data) == "Escaped: &amp; &quot; &lt; &gt; &#39;\n")
        #expect(try Mustache.render("{{risky}}", ["risky": "<a href='x?a=1&b=2'>"]) == "&lt;a href=&#39;x?a=1&amp;b=2&#39;&gt;")
        // Text outside ASCII passes through untouched beside escaped characters.
        #expect(try Mustache.render("{{risky}}", ["risky": "中文 & 英文 <b>"]) == "中文 &amp; 英文 &lt;b&gt;")
        #expect(try Mustache.render("{{plain}}", ["plain": "沒有要跳脫的字"]) == "沒有要跳脫的字")
    }

    // interpolation.yml: Triple Mustache, Ampersand
    @Test func tripleBracesAndAmpersandDoNotEscape() throws {
        let data: TemplateValue = ["risky": #"& " < > '"#]
        #expect(try Mustache.render("Raw: {{{risky}}}\n", data) == #"Raw: & " < > '"# + "\n")
        #expect(try Mustache.render("Raw: {{&risky}}\n", data) == #"Raw: & " < > '"# + "\n")
    }

    // interpolation.yml: Basic / Triple Mustache / Ampersand Integer Interpolation
    @Test func integersAreShownAsDigits() throws {
        let data: TemplateValue = ["kmh": 120, "below": -3]
        #expect(try Mustache.render(#""{{kmh}} km/h, {{below}}°""#, data) == #""120 km/h, -3°""#)
        #expect(try Mustache.render(#""{{{kmh}}} km/h""#, data) == #""120 km/h""#)
        #expect(try Mustache.render(#""{{&kmh}} km/h""#, data) == #""120 km/h""#)
    }

    // interpolation.yml: Basic Decimal Interpolation (and the triple and ampersand forms).
    // Deviation: `TemplateValue` has no floating-point case. A number from front matter or
    // the config reaches a template as the text it was written with, so `1.210` shows as
    // `1.210` where the spec (which parses it as a double) expects `1.21`.
    @Test func decimalsKeepTheirWrittenText() throws {
        let data: TemplateValue = ["power": TemplateValue(YAMLValue.number("1.210"))]
        #expect(try Mustache.render(#""{{power}} GW""#, data) == #""1.210 GW""#)
        #expect(try Mustache.render(#""{{{power}}} GW""#, data) == #""1.210 GW""#)
        #expect(try Mustache.render(#""{{&power}} GW""#, data) == #""1.210 GW""#)
    }

    /// Not in the spec, which leaves booleans to each language: a flag shows as
    /// `true` or `false`.
    @Test func flagsShowAsWords() throws {
        #expect(try Mustache.render("{{yes}}/{{no}}", ["yes": true, "no": false]) == "true/false")
    }

    // interpolation.yml: Basic / Triple Mustache / Ampersand Null Interpolation
    @Test func nullShowsNothing() throws {
        let data: TemplateValue = ["gone": .null]
        #expect(try Mustache.render("We ({{gone}}) left.", data) == "We () left.")
        #expect(try Mustache.render("We ({{{gone}}}) left.", data) == "We () left.")
        #expect(try Mustache.render("We ({{&gone}}) left.", data) == "We () left.")
    }

    // interpolation.yml: Basic / Triple Mustache / Ampersand Context Miss Interpolation
    @Test func missingNameShowsNothing() throws {
        #expect(try Mustache.render("We ({{nobody}}) left.") == "We () left.")
        #expect(try Mustache.render("We ({{{nobody}}}) left.") == "We () left.")
        #expect(try Mustache.render("We ({{&nobody}}) left.") == "We () left.")
    }

    /// Lists and maps have no text of their own and show nothing (the spec does not say).
    @Test func listsAndMapsShowNothing() throws {
        #expect(try Mustache.render("[{{items}}][{{place}}]", ["items": ["a", "b"], "place": ["x": "1"]]) == "[][]")
    }
}

/// Dotted names, after the "Dotted Names" cases of `specs/interpolation.yml`.
@Suite("Mustache dotted names")
struct DottedNameTests {
    // interpolation.yml: Dotted Names - Basic, Triple Mustache and Ampersand Interpolation
    @Test func dottedNameIsShorthandForASection() throws {
        let data: TemplateValue = ["author": ["name": "<Lin>"]]
        #expect(try Mustache.render(#""{{author.name}}" == "{{#author}}{{name}}{{/author}}""#, data)
            == #""&lt;Lin&gt;" == "&lt;Lin&gt;""#)
        #expect(try Mustache.render(#""{{{author.name}}}" == "{{#author}}{{{name}}}{{/author}}""#, data)
            == #""<Lin>" == "<Lin>""#)
        #expect(try Mustache.render(#""{{&author.name}}" == "{{#author}}{{&name}}{{/author}}""#, data)
            == #""<Lin>" == "<Lin>""#)
    }

    // interpolation.yml: Dotted Names - Arbitrary Depth
    @Test func anyDepth() throws {
        let data: TemplateValue = ["p": ["q": ["r": ["s": ["t": ["leaf": "deep"]]]]]]
        #expect(try Mustache.render("{{p.q.r.s.t.leaf}}", data) == "deep")
    }

    // interpolation.yml: Dotted Names - Broken Chains
    @Test func brokenChainShowsNothing() throws {
        #expect(try Mustache.render(#""{{p.q.r}}""#, ["p": [:]]) == #""""#)
        // A name after a value that is not a map breaks the chain too (there is no
        // `.length` of text, nor a numeric index into a list).
        #expect(try Mustache.render(#""{{p.q}}{{l.0}}""#, ["p": "text", "l": ["a"]]) == #""""#)
    }

    // interpolation.yml: Dotted Names - Broken Chain Resolution
    @Test func laterPartsResolveOnlyAgainstTheirParent() throws {
        let data: TemplateValue = ["p": ["q": [:]], "r": ["leaf": "wrong"]]
        #expect(try Mustache.render(#""{{p.q.r.leaf}}""#, data) == #""""#)
    }

    // interpolation.yml: Dotted Names - Initial Resolution
    @Test func firstPartResolvesThroughTheStack() throws {
        let data: TemplateValue = [
            "p": ["q": ["r": ["leaf": "right"]]],
            "q": ["r": ["leaf": "wrong"]],
        ]
        #expect(try Mustache.render("{{#p}}{{q.r.leaf}}{{/p}}", data) == "right")
    }

    // interpolation.yml: Dotted Names - Context Precedence
    @Test func firstPartFoundStopsTheSearch() throws {
        let data: TemplateValue = ["p": ["q": [:]], "q": ["r": "WRONG"]]
        #expect(try Mustache.render("{{#p}}{{q.r}}{{/p}}", data) == "")
    }

    // interpolation.yml: Dotted Names are never single keys
    @Test func aDottedNameIsNeverOneKey() throws {
        #expect(try Mustache.render("{{p.q}}", ["p.q": "joined"]) == "")
    }

    // interpolation.yml: Dotted Names - No Masking
    @Test func aKeyWithADotDoesNotMaskTheWalk() throws {
        #expect(try Mustache.render("{{p.q}}", ["p.q": "joined", "p": ["q": "walked"]]) == "walked")
    }
}

/// The implicit iterator `{{.}}`, after the "Implicit Iterators" cases of
/// `specs/interpolation.yml`.
@Suite("Mustache implicit iterator")
struct ImplicitIteratorTests {
    // interpolation.yml: Implicit Iterators - Basic Interpolation
    @Test func dotIsTheWholeContext() throws {
        #expect(try Mustache.render("Good night, {{.}}!\n", "moon") == "Good night, moon!\n")
    }

    // interpolation.yml: Implicit Iterators - HTML Escaping, Triple Mustache, Ampersand
    @Test func dotEscapesLikeAnyName() throws {
        let data: TemplateValue = #"& " < > '"#
        #expect(try Mustache.render("{{.}}", data) == "&amp; &quot; &lt; &gt; &#39;")
        #expect(try Mustache.render("{{{.}}}", data) == #"& " < > '"#)
        #expect(try Mustache.render("{{&.}}", data) == #"& " < > '"#)
    }

    // interpolation.yml: Implicit Iterators - Basic Integer Interpolation
    @Test func dotShowsAnInteger() throws {
        #expect(try Mustache.render(#""{{.}} km/h""#, 120) == #""120 km/h""#)
    }

    /// A map as the context has no text: `{{.}}` shows nothing.
    @Test func dotOfAMapShowsNothing() throws {
        #expect(try Mustache.render("[{{.}}]", ["a": "b"]) == "[]")
    }
}

/// Whitespace around and inside variable tags, after the "Whitespace Sensitivity" and
/// "Whitespace Insensitivity" cases of `specs/interpolation.yml`.
@Suite("Mustache interpolation whitespace")
struct InterpolationWhitespaceTests {
    // interpolation.yml: Interpolation / Triple Mustache / Ampersand - Surrounding Whitespace
    @Test func whitespaceAroundIsKept() throws {
        let data: TemplateValue = ["bar": "==="]
        #expect(try Mustache.render("| {{bar}} |", data) == "| === |")
        #expect(try Mustache.render("| {{{bar}}} |", data) == "| === |")
        #expect(try Mustache.render("| {{&bar}} |", data) == "| === |")
    }

    // interpolation.yml: Interpolation / Triple Mustache / Ampersand - Standalone.
    // A variable alone on its line is not a standalone tag: its line stays.
    @Test func variableAloneOnALineKeepsTheLine() throws {
        let data: TemplateValue = ["bar": "==="]
        #expect(try Mustache.render("  {{bar}}\n", data) == "  ===\n")
        #expect(try Mustache.render("  {{{bar}}}\n", data) == "  ===\n")
        #expect(try Mustache.render("  {{&bar}}\n", data) == "  ===\n")
        #expect(try Mustache.render("\t{{missing}}\r\n", data) == "\t\r\n")
    }

    // interpolation.yml: Interpolation / Triple Mustache / Ampersand With Padding
    @Test func spacesInsideTheTagAreIgnored() throws {
        let data: TemplateValue = ["bar": "===", "p": ["q": "dot"]]
        #expect(try Mustache.render("|{{ bar }}|", data) == "|===|")
        #expect(try Mustache.render("|{{{ bar }}}|", data) == "|===|")
        #expect(try Mustache.render("|{{& bar }}|", data) == "|===|")
        #expect(try Mustache.render("|{{\tp.q\t}}|{{ . }}|", data) == "|dot||")
    }
}
