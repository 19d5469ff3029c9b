import Testing
import PortfolioCore
@testable import PortfolioSearch

@Suite("Escaping")
struct EscapingTests {
    let evil = Fixtures.doc("evil", title: "A </script><script>alert(\"x\")</script> & 'quotes'",
                            body: "Line one\nLine \"two\" \u{2028} <b>bold</b>", tags: ["<tag>", "\"q\""],
                            categories: ["a&b"], summary: "\\ back\u{0001}slash")

    @Test func documentJSONIsEscaped() throws {
        let files = SearchIndexBuilder.build([evil], options: SearchOptions())
        let bytes = try #require(files["docs/0.json"])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("</script>"))
        #expect(!text.contains("<"))
        #expect(!text.contains(">"))
        #expect(!text.contains("\u{2028}"))
        #expect(!text.contains("\u{0001}"))
        #expect(text.contains("\\\"x\\\""))
        // It reads back as the original.
        let doc = try #require(JSONReader.parse(bytes)?.arrayValue?.first)
        #expect(doc["t"]?.stringValue == evil.title)
        #expect(doc["g"]?.arrayValue?.compactMap(\.stringValue) == evil.tags)
        #expect(doc["s"]?.stringValue == "\\ back\u{0001}slash")
    }

    @Test func manifestIsEscaped() throws {
        let files = SearchIndexBuilder.build([evil], options: SearchOptions(synonyms: [["</script>", "x"]]))
        let text = String(decoding: try #require(files["manifest.json"]), as: UTF8.self)
        #expect(!text.contains("<"))
        let manifest = try #require(JSONReader.parse(Array(text.utf8)))
        #expect(manifest["tags"]?.arrayValue?.count == 2)
    }

    @Test func anHTMLQueryIsText() throws {
        let q = try SearchQuery(files: SearchIndexBuilder.build([evil], options: SearchOptions()))
        let hit = try #require(q.search("<script>alert").hits.first)
        #expect(hit.id == "evil")
        #expect(hit.titlePieces.contains { $0.marked && $0.text == "script" })
    }
}

@Suite("JSON writer")
struct JSONWriterTests {
    @Test func stringsMatchTheSharedEscaper() {
        let samples = ["", "plain", "引號\"與\\反斜線", "</script>", "a&b<c>d", "\u{2028}\u{2029}\u{2027}\u{202A}", "\u{0}\u{1F}\u{7F}",
                       "tab\tnew\nline\r", "emoji 👩🏽‍💻", "\u{E2}"]
        for s in samples {
            var out: [UInt8] = []
            JSONValue.writeString(s, into: &out)
            #expect(String(decoding: out, as: UTF8.self) == Escape.jsonString(s))
            #expect(JSONReader.parse(out) == .string(s))
        }
    }

    @Test func objectKeysAreSorted() {
        let v: JSONValue = .object(["b": .int(1), "a": .array([.bool(true), .null, .double(1.5)]), "é": .string("x")])
        #expect(String(decoding: v.bytes, as: UTF8.self) == #"{"a":[true,null,1.5],"b":1,"é":"x"}"#)
    }
}
