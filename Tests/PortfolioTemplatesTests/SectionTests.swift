import PortfolioCore
@testable import PortfolioTemplates
import Testing

/// Sections, after `specs/sections.yml`.
///
/// Truthiness is `TemplateValue.isTruthy`: false, null, empty text and the empty list
/// hide a section; everything else, numbers (0 too) and maps (empty ones too), shows it.
@Suite("Mustache sections")
struct SectionTests {
    // sections.yml: Truthy, Falsey, Null is falsey
    @Test func truthyShowsFalseyHides() throws {
        #expect(try Mustache.render(#""{{#on}}shown{{/on}}""#, ["on": true]) == #""shown""#)
        #expect(try Mustache.render(#""{{#on}}hidden{{/on}}""#, ["on": false]) == #""""#)
        #expect(try Mustache.render(#""{{#nothing}}hidden{{/nothing}}""#, ["nothing": .null]) == #""""#)
    }

    /// Portfolio's own choices where the spec leaves truthiness to the language.
    @Test func truthinessOfTextNumbersAndMaps() throws {
        #expect(try Mustache.render("[{{#s}}x{{/s}}]", ["s": ""]) == "[]")
        #expect(try Mustache.render("[{{#n}}x{{/n}}]", ["n": 0]) == "[x]")
        #expect(try Mustache.render("[{{#m}}x{{/m}}]", ["m": [:]]) == "[x]")
        // A number from front matter arrives as its text, so `0` there is non-empty text.
        #expect(try Mustache.render("[{{#n}}x{{/n}}]", ["n": TemplateValue(YAMLValue.number("0"))]) == "[x]")
    }

    // sections.yml: Context
    @Test func mapIsPushedAsTheContext() throws {
        #expect(try Mustache.render(#""{{#who}}Hello {{name}}.{{/who}}""#, ["who": ["name": "Ann"]]) == #""Hello Ann.""#)
    }

    // sections.yml: Parent contexts
    @Test func namesMissingInTheSectionComeFromOutside() throws {
        let data: TemplateValue = ["x": "outer", "y": "shadowed", "inner": ["y": "inner"], "z": ["w": "far"]]
        #expect(try Mustache.render(#""{{#inner}}{{x}}, {{y}}, {{z.w}}{{/inner}}""#, data) == #""outer, inner, far""#)
    }

    // sections.yml: Variable test
    @Test func sectionOnTextPushesTheText() throws {
        #expect(try Mustache.render(#""{{#word}}{{.}} = {{word}}{{/word}}""#, ["word": "tea"]) == #""tea = tea""#)
    }

    // sections.yml: List Contexts
    @Test func everyListLevelStaysReachable() throws {
        let data: TemplateValue = [
            "groups": [[
                "label": ["big": "G", "small": "g"],
                "rows": [["row": "7", "cells": [["cell": "p"], ["cell": "q"]]]],
            ]],
        ]
        let template = "{{#groups}}{{#rows}}{{label.small}}{{row}}.{{#cells}}{{label.big}}{{row}}{{cell}}.{{/cells}}{{/rows}}{{/groups}}"
        #expect(try Mustache.render(template, data) == "g7.G7p.G7q.")
    }

    // sections.yml: Deeply Nested Contexts (shortened to three levels)
    @Test func deeplyNestedContexts() throws {
        let data: TemplateValue = ["a": ["one": 1], "b": ["two": 2], "c": ["three": 3, "d": ["four": 4]]]
        let template = """
        {{#a}}
        {{one}}
        {{#b}}
        {{one}}{{two}}{{one}}
        {{#c}}
        {{one}}{{two}}{{three}}{{two}}{{one}}
        {{#d}}
        {{one}}{{two}}{{three}}{{four}}{{.}}{{three}}{{two}}{{one}}
        {{/d}}
        {{/c}}
        {{/b}}
        {{/a}}

        """
        #expect(try Mustache.render(template, data) == "1\n121\n12321\n1234321\n")
    }

    // sections.yml: List
    @Test func listOfMapsIsIterated() throws {
        let data: TemplateValue = ["items": [["n": 4], ["n": 5], ["n": 6]]]
        #expect(try Mustache.render(#""{{#items}}{{n}}{{/items}}""#, data) == #""456""#)
    }

    // sections.yml: Empty List
    @Test func emptyListHides() throws {
        #expect(try Mustache.render(#""{{#items}}never{{/items}}""#, ["items": []]) == #""""#)
    }

    // sections.yml: Doubled
    @Test func sameSectionTwice() throws {
        let template = "{{#on}}\n- one\n{{/on}}\n- {{mid}}\n{{#on}}\n- three\n{{/on}}\n"
        #expect(try Mustache.render(template, ["on": true, "mid": "two"]) == "- one\n- two\n- three\n")
    }

    // sections.yml: Nested (Truthy), Nested (Falsey)
    @Test func nestedSections() throws {
        let template = "| A {{#on}}B {{#on}}C{{/on}} D{{/on}} E |"
        #expect(try Mustache.render(template, ["on": true]) == "| A B C D E |")
        #expect(try Mustache.render(template, ["on": false]) == "| A  E |")
    }

    // sections.yml: Context Misses
    @Test func missingNameHides() throws {
        #expect(try Mustache.render("[{{#absent}}found it{{/absent}}]") == "[]")
    }

    // sections.yml: Implicit Iterator - String, Integer
    @Test func dotInAListOfScalars() throws {
        #expect(try Mustache.render(#""{{#l}}<{{.}}>{{/l}}""#, ["l": ["v", "w", "x"]]) == #""<v><w><x>""#)
        #expect(try Mustache.render(#""{{#l}}({{.}}){{/l}}""#, ["l": [7, 8, 9]]) == #""(7)(8)(9)""#)
    }

    // sections.yml: Implicit Iterator - Decimal. As for interpolation, numbers from
    // YAML keep the text they were written with (`1.10` stays `1.10`, not `1.1`).
    @Test func dotInAListOfDecimals() throws {
        let list = TemplateValue(YAMLValue.list([.number("1.10"), .number("2.5")]))
        #expect(try Mustache.render(#""{{#l}}({{.}}){{/l}}""#, ["l": list]) == #""(1.10)(2.5)""#)
    }

    // sections.yml: Implicit Iterator - Array
    @Test func dotSectionIteratesNestedLists() throws {
        let data: TemplateValue = ["l": [[1, 2], ["x", "y", "z"]]]
        #expect(try Mustache.render(#""{{#l}}({{#.}}{{.}}{{/.}}){{/l}}""#, data) == #""(12)(xyz)""#)
    }

    // sections.yml: Implicit Iterator - HTML Escaping, Triple mustache, Ampersand
    @Test func dotInAListEscapes() throws {
        let data: TemplateValue = ["l": ["&", "\"", "<", ">", "'"]]
        #expect(try Mustache.render("{{#l}}({{.}}){{/l}}", data) == "(&amp;)(&quot;)(&lt;)(&gt;)(&#39;)")
        #expect(try Mustache.render("{{#l}}({{{.}}}){{/l}}", data) == #"(&)(")(<)(>)(')"#)
        #expect(try Mustache.render("{{#l}}({{&.}}){{/l}}", data) == #"(&)(")(<)(>)(')"#)
    }

    // sections.yml: Implicit Iterator - Root-level
    @Test func dotSectionOverARootList() throws {
        let data: TemplateValue = [["v": "m"], ["v": "n"]]
        #expect(try Mustache.render(#""{{#.}}({{v}}){{/.}}""#, data) == #""(m)(n)""#)
    }

    // sections.yml: Dotted Names - Truthy, Falsey, Broken Chains
    @Test func dottedSectionNames() throws {
        #expect(try Mustache.render("[{{#p.q.r}}in{{/p.q.r}}]", ["p": ["q": ["r": true]]]) == "[in]")
        #expect(try Mustache.render("[{{#p.q.r}}in{{/p.q.r}}]", ["p": ["q": ["r": false]]]) == "[]")
        #expect(try Mustache.render("[{{#p.q.r}}in{{/p.q.r}}]", ["p": [:]]) == "[]")
    }

    // sections.yml: Surrounding Whitespace, Internal Whitespace, Indented Inline Sections
    @Test func inlineSectionsKeepWhitespace() throws {
        #expect(try Mustache.render(" | {{#on}}\t|\t{{/on}} | \n", ["on": true]) == " | \t|\t | \n")
        #expect(try Mustache.render(" | {{#on}} {{! keep me }}\n {{/on}} | \n", ["on": true]) == " |  \n  | \n")
        #expect(try Mustache.render(" {{#on}}YES{{/on}}\n {{#on}}AGAIN{{/on}}\n", ["on": true]) == " YES\n AGAIN\n")
    }

    // sections.yml: Standalone Lines, Indented Standalone Lines
    @Test func standaloneSectionTagsTakeTheirLines() throws {
        #expect(try Mustache.render("| first\n{{#on}}\n|\n{{/on}}\n| last\n", ["on": true]) == "| first\n|\n| last\n")
        #expect(try Mustache.render("| first\n  {{#on}}\n|\n\t{{/on}}\n| last\n", ["on": true]) == "| first\n|\n| last\n")
    }

    // sections.yml: Standalone Line Endings
    @Test func standaloneWithCRLF() throws {
        #expect(try Mustache.render("|\r\n{{#on}}\r\n{{/on}}\r\n|", ["on": true]) == "|\r\n|")
    }

    // sections.yml: Standalone Without Previous Line, Standalone Without Newline
    @Test func standaloneAtTheEdgesOfTheTemplate() throws {
        #expect(try Mustache.render("  {{#on}}\n#{{/on}}\n/", ["on": true]) == "#\n/")
        #expect(try Mustache.render("#{{#on}}\n/\n  {{/on}}", ["on": true]) == "#\n/\n")
    }

    // sections.yml: Padding
    @Test func spacesInsideSectionTags() throws {
        #expect(try Mustache.render("|{{# on }}={{/ on }}|", ["on": true]) == "|=|")
    }
}

/// Inverted sections, after `specs/inverted.yml`.
@Suite("Mustache inverted sections")
struct InvertedSectionTests {
    // inverted.yml: Falsey, Truthy, Null is falsey
    @Test func falseyShowsTruthyHides() throws {
        #expect(try Mustache.render(#""{{^on}}shown{{/on}}""#, ["on": false]) == #""shown""#)
        #expect(try Mustache.render(#""{{^on}}hidden{{/on}}""#, ["on": true]) == #""""#)
        #expect(try Mustache.render(#""{{^nothing}}shown{{/nothing}}""#, ["nothing": .null]) == #""shown""#)
        #expect(try Mustache.render("[{{^s}}empty{{/s}}]", ["s": ""]) == "[empty]")
    }

    // inverted.yml: Context, List, Empty List
    @Test func mapsAndListsAreTruthy() throws {
        #expect(try Mustache.render(#""{{^who}}Hello {{name}}.{{/who}}""#, ["who": ["name": "Ann"]]) == #""""#)
        #expect(try Mustache.render(#""{{^items}}{{n}}{{/items}}""#, ["items": [["n": 1], ["n": 2]]]) == #""""#)
        #expect(try Mustache.render(#""{{^items}}none yet{{/items}}""#, ["items": []]) == #""none yet""#)
    }

    /// An inverted section pushes nothing: names inside it read the enclosing context.
    @Test func invertedSectionKeepsTheContext() throws {
        #expect(try Mustache.render("{{^items}}{{title}}{{/items}}", ["items": [], "title": "Empty"]) == "Empty")
    }

    // inverted.yml: Doubled
    @Test func sameInvertedSectionTwice() throws {
        let template = "{{^off}}\n- one\n{{/off}}\n- {{mid}}\n{{^off}}\n- three\n{{/off}}\n"
        #expect(try Mustache.render(template, ["off": false, "mid": "two"]) == "- one\n- two\n- three\n")
    }

    // inverted.yml: Nested (Falsey), Nested (Truthy)
    @Test func nestedInvertedSections() throws {
        let template = "| A {{^on}}B {{^on}}C{{/on}} D{{/on}} E |"
        #expect(try Mustache.render(template, ["on": false]) == "| A B C D E |")
        #expect(try Mustache.render(template, ["on": true]) == "| A  E |")
    }

    // inverted.yml: Context Misses
    @Test func missingNameShows() throws {
        #expect(try Mustache.render("[{{^absent}}not found{{/absent}}]") == "[not found]")
    }

    // inverted.yml: Dotted Names - Truthy, Falsey, Broken Chains
    @Test func dottedInvertedNames() throws {
        #expect(try Mustache.render("[{{^p.q.r}}out{{/p.q.r}}]", ["p": ["q": ["r": true]]]) == "[]")
        #expect(try Mustache.render("[{{^p.q.r}}out{{/p.q.r}}]", ["p": ["q": ["r": false]]]) == "[out]")
        #expect(try Mustache.render("[{{^p.q.r}}out{{/p.q.r}}]", ["p": [:]]) == "[out]")
    }

    // inverted.yml: Surrounding Whitespace, Internal Whitespace, Indented Inline Sections
    @Test func inlineInvertedSectionsKeepWhitespace() throws {
        #expect(try Mustache.render(" | {{^off}}\t|\t{{/off}} | \n", ["off": false]) == " | \t|\t | \n")
        #expect(try Mustache.render(" | {{^off}} {{! keep me }}\n {{/off}} | \n", ["off": false]) == " |  \n  | \n")
        #expect(try Mustache.render(" {{^off}}NO{{/off}}\n {{^off}}NEVER{{/off}}\n", ["off": false]) == " NO\n NEVER\n")
    }

    // inverted.yml: Standalone Lines, Standalone Indented Lines, Standalone Line Endings
    @Test func standaloneInvertedTagsTakeTheirLines() throws {
        #expect(try Mustache.render("| first\n{{^off}}\n|\n{{/off}}\n| last\n", ["off": false]) == "| first\n|\n| last\n")
        #expect(try Mustache.render("| first\n  {{^off}}\n|\n  {{/off}}\n| last\n", ["off": false]) == "| first\n|\n| last\n")
        #expect(try Mustache.render("|\r\n{{^off}}\r\n{{/off}}\r\n|", ["off": false]) == "|\r\n|")
    }

    // inverted.yml: Standalone Without Previous Line, Standalone Without Newline
    @Test func standaloneInvertedAtTheEdges() throws {
        #expect(try Mustache.render("  {{^off}}\n^{{/off}}\n/", ["off": false]) == "^\n/")
        #expect(try Mustache.render("^{{^off}}\n/\n  {{/off}}", ["off": false]) == "^\n/\n")
    }

    // inverted.yml: Padding
    @Test func spacesInsideInvertedTags() throws {
        #expect(try Mustache.render("|{{^ off }}={{/ off }}|", ["off": false]) == "|=|")
    }
}
