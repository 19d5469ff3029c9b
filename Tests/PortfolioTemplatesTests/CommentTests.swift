@testable import PortfolioTemplates
import Testing

/// Comments, after `specs/comments.yml`.
@Suite("Mustache comments")
struct CommentTests {
    // comments.yml: Inline
    @Test func inlineCommentIsRemoved() throws {
        #expect(try Mustache.render("abcde{{! not shown }}fghij") == "abcdefghij")
    }

    // comments.yml: Multiline
    @Test func commentMaySpanLines() throws {
        #expect(try Mustache.render("abcde{{!\n  over\n  three lines\n}}fghij\n") == "abcdefghij\n")
    }

    // comments.yml: Standalone, Indented Standalone
    @Test func standaloneCommentTakesItsLine() throws {
        #expect(try Mustache.render("Start.\n{{! a note }}\nStop.\n") == "Start.\nStop.\n")
        #expect(try Mustache.render("Start.\n  \t{{! an indented note }}\nStop.\n") == "Start.\nStop.\n")
    }

    // comments.yml: Standalone Line Endings
    @Test func standaloneCommentWithCRLF() throws {
        #expect(try Mustache.render("|\r\n{{! a note }}\r\n|") == "|\r\n|")
    }

    // comments.yml: Standalone Without Previous Line, Standalone Without Newline
    @Test func standaloneCommentAtTheEdges() throws {
        #expect(try Mustache.render("  {{! first line }}\n!") == "!")
        #expect(try Mustache.render("!\n  {{! last line }}") == "!\n")
        #expect(try Mustache.render("{{! the whole template }}") == "")
    }

    // comments.yml: Multiline Standalone, Indented Multiline Standalone
    @Test func standaloneMultilineComment() throws {
        #expect(try Mustache.render("Start.\n{{!\nsomething here\n}}\nStop.\n") == "Start.\nStop.\n")
        #expect(try Mustache.render("Start.\n  {{!\n    something here\n  }}\nStop.\n") == "Start.\nStop.\n")
    }

    // comments.yml: Indented Inline, Surrounding Whitespace
    @Test func inlineCommentKeepsWhitespace() throws {
        #expect(try Mustache.render("  12 {{! 34 }}\n") == "  12 \n")
        #expect(try Mustache.render("abcde {{! not shown }} fghij") == "abcde  fghij")
    }

    // comments.yml: Variable Name Collision
    @Test func commentNeverShowsAValue() throws {
        let data: TemplateValue = ["! note": 1, "! note ": 2, "!note": 3, "note": 4]
        #expect(try Mustache.render("comments stay hidden: >{{! note }}<", data) == "comments stay hidden: ><")
    }

    /// Not in the spec: an empty comment, and a comment holding `{{` or single braces,
    /// which end only at the first `}}`.
    @Test func emptyCommentAndBracesInside() throws {
        #expect(try Mustache.render("a{{!}}b") == "ab")
        #expect(try Mustache.render("a{{! {{not a tag {x} }}b") == "ab")
    }
}
