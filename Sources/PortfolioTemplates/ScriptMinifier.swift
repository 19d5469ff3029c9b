/// A small JavaScript minifier for the theme's scripts: comments, indentation, blank lines
/// and spaces that separate nothing go; line breaks stay (so automatic semicolon insertion
/// cannot change meaning); string and regular-expression literals are copied as they are.
public enum ScriptMinifier {
    /// `js` minified.
    public static func minify(_ js: String) -> String {
        var minifier = Minifier(Array(js.unicodeScalars))
        minifier.run()
        return String(minifier.out)
    }

    private struct Minifier {
        let c: [Unicode.Scalar]
        var out = String.UnicodeScalarView()
        var i = 0
        var pendingSpace = false, pendingNewline = false
        var last: Unicode.Scalar = "\n"   // last character written

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

        func isWord(_ s: Unicode.Scalar) -> Bool {
            s.value > 0x7F || s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "$"
        }

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

        // Where a `/` starts a regular expression rather than a division.
        func regexAllowed() -> Bool {
            guard let p = out.last else { return true }
            return "(,=:[!&|?{};\n".unicodeScalars.contains(p) || (p == " " && out.count > 1)
        }

        /// A string or regular-expression literal opened by `quote`, copied as it is.
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
