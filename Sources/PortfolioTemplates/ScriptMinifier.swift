/// A small minifier for the site's own hand-written JavaScript (the search page script).
///
/// It removes comments, indentation, blank lines and the spaces that separate nothing,
/// and nothing else: it renames nothing and rewrites no expression. Line breaks stay
/// (one for any run of them), so automatic semicolon insertion reads the script as it
/// read the source. String and regular-expression literals are copied as they are.
///
/// It is not a JavaScript parser. Whether a `/` opens a regular expression or divides is
/// told from the last character or keyword written (so `if (a) /x/.test(s)` is read as a
/// division), and a template literal is copied up to its next backtick, so it is meant
/// for scripts written with it in mind, as the site's are.
public enum ScriptMinifier {
    /// `js` without comments, indentation, blank lines or needless spaces, ending in one
    /// line break.
    public static func minify(_ js: String) -> String {
        var minifier = Minifier(Array(js.unicodeScalars))
        minifier.run()
        return String(minifier.out)
    }

    /// One pass over the script's Unicode scalars.
    private struct Minifier {
        let c: [Unicode.Scalar]
        var out = String.UnicodeScalarView()
        var i = 0
        /// Blanks, or a line break, were skipped since the last character written.
        var pendingSpace = false, pendingNewline = false
        /// The last character written (the closing quote, for a literal).
        var last: Unicode.Scalar = "\n"

        init(_ c: [Unicode.Scalar]) { self.c = c }

        mutating func run() {
            while i < c.count {
                let ch = c[i]
                if ch == " " || ch == "\t" { pendingSpace = true; i += 1; continue }
                if Self.isLineBreak(ch) { pendingNewline = true; i += 1; continue }
                if ch == "/" && i + 1 < c.count && c[i + 1] == "/" {
                    while i < c.count && !Self.isLineBreak(c[i]) { i += 1 }
                    continue
                }
                if ch == "/" && i + 1 < c.count && c[i + 1] == "*" {
                    // A comment holding a line break counts as one (for automatic
                    // semicolon insertion, `return /* ⏎ */ x` returns nothing).
                    i += 2
                    var breaks = false
                    while i + 1 < c.count && !(c[i] == "*" && c[i + 1] == "/") {
                        if Self.isLineBreak(c[i]) { breaks = true }
                        i += 1
                    }
                    i += 2
                    if breaks { pendingNewline = true } else { pendingSpace = true }
                    continue
                }
                if ch == "'" || ch == "\"" || ch == "`" || (ch == "/" && regexAllowed()) {
                    copyLiteral(ch)
                    continue
                }
                emit(ch)
                i += 1
            }
            if last != "\n" { out.append("\n") }
        }

        /// A JavaScript line terminator: `\n`, `\r`, U+2028 or U+2029.
        static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
            s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}"
        }

        /// A character of an identifier, keyword or number (any non-ASCII one counts).
        func isWord(_ s: Unicode.Scalar) -> Bool {
            s.value > 0x7F || s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "$"
        }

        /// Writes `s`, after the line break or the space that must come before it: a
        /// space only between two word characters, or between `+ +` and `- -`.
        mutating func emit(_ s: Unicode.Scalar) {
            if pendingNewline {
                if last != "\n" { out.append("\n") }
            } else if pendingSpace, isWord(last) && isWord(s) || (last == s && (s == "+" || s == "-")) {
                out.append(" ")
            }
            pendingSpace = false
            pendingNewline = false
            out.append(s)
            last = s
        }

        /// Whether a `/` here starts a regular expression rather than a division: at the
        /// start, after a punctuator that ends no expression, or after a keyword that an
        /// expression follows (`return /x/`).
        func regexAllowed() -> Bool {
            guard let p = out.last else { return true }
            if "(,=:[!&|?{};\n".unicodeScalars.contains(p) || (p == " " && out.count > 1) { return true }
            return isWord(p) && Self.keywordsBeforeExpression.contains(lastWord())
        }

        /// Keywords after which a `/` opens a regular expression.
        static let keywordsBeforeExpression: Set<String> = [
            "return", "typeof", "instanceof", "in", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await",
        ]

        /// The word at the end of the output, or "" when it is a property name (`a.in`).
        func lastWord() -> String {
            var start = out.endIndex
            while start > out.startIndex, isWord(out[out.index(before: start)]) { start = out.index(before: start) }
            if start > out.startIndex, out[out.index(before: start)] == "." { return "" }
            return String(String.UnicodeScalarView(out[start...]))
        }

        /// A string, template or regular-expression literal opened by `quote`, copied as
        /// it is (escapes, and a `/` inside a regular expression's `[…]`, do not close it).
        /// A template literal ends at its next unescaped backtick, so one nested inside
        /// its `${…}` is not supported.
        mutating func copyLiteral(_ quote: Unicode.Scalar) {
            emit(quote)
            i += 1
            var inClass = false
            while i < c.count {
                let x = c[i]
                out.append(x)
                i += 1
                if x == "\\" && i < c.count { out.append(c[i]); i += 1; continue }
                if quote == "/" && x == "[" { inClass = true }
                if quote == "/" && x == "]" { inClass = false }
                if x == quote && !inClass { break }
            }
            last = quote
        }
    }
}
