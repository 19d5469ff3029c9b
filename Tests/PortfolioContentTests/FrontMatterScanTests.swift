@testable import PortfolioContent
import PortfolioCore
import Testing

/// The front matter scanner reads the simple form itself and leaves the rest to Yams;
/// whatever it reads must be exactly what Yams reads: keys, values, plain or quoted, lines.
@Suite("Front matter scanner")
struct FrontMatterScanTests {
    func scanned(_ yaml: String) -> FrontMatterFields? {
        FrontMatterFields(scanning: yaml, path: "a.md", firstLine: 2)
    }

    func parsed(_ yaml: String) throws -> FrontMatterFields {
        try FrontMatterFields(parsing: yaml, path: "a.md", firstLine: 2)
    }

    func expectSame(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let fast = try #require(scanned(yaml), "the scanner should read: \(yaml)", sourceLocation: sourceLocation)
        let slow = try parsed(yaml)
        #expect(fast.keys == slow.keys, sourceLocation: sourceLocation)
        for key in slow.keys {
            #expect(fast[key] == slow[key], "key \(key) of: \(yaml)", sourceLocation: sourceLocation)
        }
    }

    @Test("the simple forms read the same as Yams reads them")
    func simpleFormsMatchYams() throws {
        try expectSame("""
        title: "口碑傳播與STP:平台如何重新定義產品開發節奏（0）"
        date: 2023-01-01T02:13:14+08:00
        author: 王曉華
        categories: [數位行銷]
        tags: [STP, 品牌忠誠, 社群經營]
        views: 3367
        replies: 7
        summary: "長期而言,賣家透過社交電商驗證產品開發節奏,讓C2M的思維落實到社群經營。"
        """)
        try expectSame("title: STP 理論\ndate: 2019-12-09 16:17:37\ndraft: false\nslug: stp\n")
        try expectSame("title: 'It''s 行銷'\nsource: https://example.com/a?b=c#d\nviews: -3\n")
        try expectSame("tags:\n  - 行銷\n  - \"STP\"\n  - 'C2M'\ntitle: a\n")
        try expectSame("tags:\n- a\n- b\n\n# a comment\nempty:\nafter: x\n")
        try expectSame("# leading comment\n\ntitle: a b  c   \nlist: []\nspaced: [ a ,b , 'c d' ]\nnone: ~\n")
        try expectSame("title: a\r\ndate: 2020-01-01\r\ntags: [x, y]\r\n")
        try expectSame("title: \"\"\nsummary: ''\nnull_key: null\nyes: yes\nnum: 1.5\nkey-with-dash_and_1: C# and F#\n")
        try expectSame("")
        try expectSame("# only a comment\n")
    }

    @Test("anything beyond the simple form is left to Yams", arguments: [
        "title: \"a \\\"quoted\\\" word\"",       // escapes
        "title: a # comment",                      // comment after a value
        "title: \"a\" # comment",
        "summary: |\n  block\n",                   // block scalar
        "summary: >-\n  folded\n",
        "title: first\n  continued",               // multi-line plain scalar
        "params:\n  nested: 1",                    // nested mapping
        "tags: [a, [b]]",                          // nested flow
        "tags: [a,\n  b]",                         // flow list over lines
        "tags: {a: 1}",
        "tags: [\"a, b\", c]",                     // comma inside quotes
        "tags: [a:b]",
        "title: &anchor a\nother: *anchor",
        "title: !!str 3",
        "\"quoted key\": a",
        "行銷: a",                                 // non-ASCII key
        "title: a\ttab",
        "\ttitle: a",
        "title: a: b",
        "title: ends with colon:",
        "title: a\ntitle: b",                      // duplicate key: Yams reports it
        "- a\n- b",                                // a list, not a mapping
        "tags:\n  - a\n    - b",                   // uneven items
        "tags:\n  -\n",                            // empty item
        "title: a\u{2028}b",                       // Unicode line separator
        "title: \u{FEFF}a",
        "title: a\u{85}b",
        "%YAML 1.2",
        "title:a",
        "- title: a",
    ])
    func otherFormsGoToYams(_ yaml: String) {
        #expect(scanned(yaml) == nil)
    }

    @Test func valuesKeepTheirLines() throws {
        let fields = try #require(scanned("title: a\n\ntags:\n  - x\n  - y\nviews: many\n"))
        #expect(fields["title"]?.line == 2)
        #expect(fields["tags"]?.line == 5)
        #expect(fields["tags"]?.value == .sequence([.scalar("x", plain: true), .scalar("y", plain: true)]))
        #expect(fields["views"]?.line == 7)
        #expect(fields.location(of: "missing").line == 2)
    }

    @Test("syntax errors come from Yams, at their line")
    func errorsComeFromYams() {
        #expect(throws: PortfolioError.self) { try FrontMatterFields("title: a\ntags: [a, b\nviews: 3\n", path: "a.md", firstLine: 2) }
        do {
            _ = try FrontMatterFields("title: a\ntitle: b\n", path: "a.md", firstLine: 2)
            Issue.record("a duplicate key must be an error")
        } catch {
            #expect(error.location?.path == "a.md")
            #expect(error.message.contains("duplicate"))
        }
    }
}
