/// A small minifier for the site's own hand-written JavaScript (the search page script).
///
/// It removes comments, indentation, blank lines and the spaces that separate nothing,
/// and nothing else: it renames nothing and rewrites no expression. Line breaks stay
/// (one for any run of them), so automatic semicolon insertion reads the script as it
/// read the source. String and regular-expression literals are copied as they are.
///
/// It is not a JavaScript parser. Whether a `/` opens a regular expression or divides is
/// told from the last character written, and template literals are not recognised, so
/// it is meant for scripts written with it in mind, as the site's are.
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
                if ch == "\n" { pendingNewline = true; i += 1; continue }
                if ch == "/" && i + 1 < c.count && c[i + 1] == "/" {
                    while i < c.count && c[i] != "\n" { i += 1 }
                    continue
                }
                if ch == "/" && i + 1 < c.count && c[i + 1] == "*" {
                    i += 2
                    while i + 1 < c.count && !(c[i] == "*" && c[i + 1] == "/") { i += 1 }
                    i += 2
                    pendingSpace = true
                    continue
                }
                if ch == "'" || ch == "\"" || (ch == "/" && regexAllowed()) {
                    copyLiteral(ch)
                    continue
                }
                emit(ch)
                i += 1
            }
            if last != "\n" { out.append("\n") }
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

        /// Whether a `/` here starts a regular expression rather than a division.
        func regexAllowed() -> Bool {
            guard let p = out.last else { return true }
            return "(,=:[!&|?{};\n".unicodeScalars.contains(p) || (p == " " && out.count > 1)
        }

        /// A string or regular-expression literal opened by `quote`, copied as it is
        /// (escapes, and a `/` inside a regular expression's `[…]`, do not close it).
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
