import Foundation
import PortfolioTemplates
import Testing

/// One script, and what `ScriptMinifier.minify` must make of it. Each source is a whole
/// program that prints with `console.log`, so that, where Node is installed, the source
/// and the minified script can both be run and must print the same.
struct MinifierCase: Sendable, CustomTestStringConvertible {
    let name: String
    let source: String
    let minified: String
    var testDescription: String { name }

    static let all: [MinifierCase] = [
        MinifierCase(name: "a chain of divisions", source: #"""
        var b = 12, c = 3, d = 2;
        var a = b / c / d;
        console.log(a);
        """#, minified: "var b=12,c=3,d=2;\nvar a=b/c/d;\nconsole.log(a);\n"),

        MinifierCase(name: "division after a parenthesis or a bracket", source: #"""
        var a = 9, l = [8];
        console.log((a) / 2, (a)/ 3, l[0] / 4);
        """#, minified: "var a=9,l=[8];\nconsole.log((a)/2,(a)/3,l[0]/4);\n"),

        MinifierCase(name: "a regular expression after =", source: #"""
        var s = 'abbbc';
        var x = /ab+c/g.test(s);
        console.log(x);
        """#, minified: "var s='abbbc';\nvar x=/ab+c/g.test(s);\nconsole.log(x);\n"),

        MinifierCase(name: "a regular expression after return or typeof", source: #"""
        function g() { return /x/; }
        function f(s) {
          return / +'/.test(s);
        }
        console.log(g().source, f("a  '"), f("a'"), typeof /y/);
        """#, minified: #"""
        function g(){return/x/;}
        function f(s){
        return/ +'/.test(s);
        }
        console.log(g().source,f("a  '"),f("a'"),typeof/y/);

        """#),

        MinifierCase(name: "a slash inside a character class", source: #"""
        var r = /[/]+/g;
        console.log('a//b/c'.replace(r, '-'), '/x\\y'.replace(/^[\/\\]+/, ''));
        """#, minified: #"""
        var r=/[/]+/g;
        console.log('a//b/c'.replace(r,'-'),'/x\\y'.replace(/^[\/\\]+/,''));

        """#),

        MinifierCase(name: "comment markers inside strings and regular expressions", source: #"""
        var u = 'http://example.com/*x*/'; // a comment
        var re = /\/\/+/; /* another */
        var q = "//" + '/*';
        console.log(u, re.test(u), q);
        """#, minified: #"""
        var u='http://example.com/*x*/';
        var re=/\/\/+/;
        var q="//"+'/*';
        console.log(u,re.test(u),q);

        """#),

        MinifierCase(name: "escaped quotes", source: #"""
        var s = 'it\'s // not a comment', t = "say \"/* hi */\"", e = 'back\\';
        console.log(s, t, e);
        """#, minified: #"""
        var s='it\'s // not a comment',t="say \"/* hi */\"",e='back\\';
        console.log(s,t,e);

        """#),

        MinifierCase(name: "block and line comments", source: #"""
        /* a header
           over two lines */
        var a = 1; // trailing
            // a whole line

        var/* inline */b = 2;
        console.log(a /* between */ + b);
        """#, minified: "var a=1;\nvar b=2;\nconsole.log(a+b);\n"),

        // A block comment holding a line break is a line break to automatic semicolon
        // insertion: `return` then the comment returns nothing.
        MinifierCase(name: "a block comment across lines ends the line", source: #"""
        function f() {
          return /*
          */ 42;
        }
        console.log(f());
        """#, minified: "function f(){\nreturn\n42;\n}\nconsole.log(f());\n"),

        MinifierCase(name: "line breaks kept for automatic semicolon insertion", source: #"""
        function a(x) { return x * 10 }
        var b = 4


        var c = a
        (b)
        function f() {
          return
          'x'
        }
        var i = 1, j = 1
        i
        ++
        j
        console.log(c, f(), i, j)
        """#, minified: "function a(x){return x*10}\nvar b=4\nvar c=a\n(b)\nfunction f(){\nreturn\n'x'\n}\nvar i=1,j=1\ni\n++\nj\nconsole.log(c,f(),i,j)\n"),

        MinifierCase(name: "unary signs keep their space", source: #"""
        var a = 5, b = 2;
        console.log(a - -b, a + +b, a - - b, a + /* c */ +b, a+ ++b, a-- - b, a - (-b), a + -b);
        """#, minified: "var a=5,b=2;\nconsole.log(a- -b,a+ +b,a- -b,a+ +b,a+ ++b,a-- -b,a-(-b),a+-b);\n"),

        MinifierCase(name: "spaces between words kept", source: #"""
        var y, x = typeof y === 'undefined' ? void 0 : new Date(0);
        console.log(x, 'k' in { k: 1 }, x instanceof Date);
        """#, minified: "var y,x=typeof y==='undefined'?void 0:new Date(0);\nconsole.log(x,'k'in{k:1},x instanceof Date);\n"),

        MinifierCase(name: "Chinese identifiers, strings and a Unicode regular expression", source: #"""
        var 名字 = '中文 // 不是註解';
        var ß = 名字 + "：漢字 /* 也不是 */";
        var WORD = /[\p{L}\p{N}]/u;
        console.log(ß, 名字.length, WORD.test('字'), '👩🏽‍💻'.length);
        """#, minified: #"""
        var 名字='中文 // 不是註解';
        var ß=名字+"：漢字 /* 也不是 */";
        var WORD=/[\p{L}\p{N}]/u;
        console.log(ß,名字.length,WORD.test('字'),'👩🏽‍💻'.length);

        """#),

        MinifierCase(name: "CRLF line endings", source:
            "var x = 6;\r\n\r\nvar y = [\r\n  / +/.test('a b'),\r\n  x / 2\r\n];\r\nconsole.log(y);\r\n",
            minified: "var x=6;\nvar y=[\n/ +/.test('a b'),\nx/2\n];\nconsole.log(y);\n"),

        MinifierCase(name: "a template literal is copied as it is", source: #"""
        var who = 'you';
        var s = `hi ${who} // not a comment
          /* kept */ \` done`;
        console.log(s);
        """#, minified: "var who='you';\nvar s=`hi ${who} // not a comment\n  /* kept */ \\` done`;\nconsole.log(s);\n"),

        MinifierCase(name: "nothing but comments", source: "// one\n/* two */\n\n", minified: ""),
    ]
}

/// Node.js, when installed: `/usr/bin/node` or `node` on the PATH.
enum NodeJS {
    static let path: String? = {
        var candidates = ["/usr/bin/node"]
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") { candidates.append("\(dir)/node") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs `node arguments… file` on `script`; its exit status and standard output.
    static func run(_ script: String, _ arguments: [String] = []) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("minify-\(UUID().uuidString).js")
        try Data(script.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = arguments + [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}

@Suite("Script minifier")
struct ScriptMinifierTests {
    @Test(arguments: MinifierCase.all)
    func exactOutput(_ c: MinifierCase) {
        #expect(ScriptMinifier.minify(c.source) == c.minified)
    }

    /// Minifying what is already minified changes nothing.
    @Test(arguments: MinifierCase.all)
    func minifiedIsAFixedPoint(_ c: MinifierCase) {
        #expect(ScriptMinifier.minify(c.minified) == c.minified)
    }

    /// The source and the minified script print the same, and both run.
    @Test(.enabled(if: NodeJS.path != nil, "needs Node.js"), arguments: MinifierCase.all)
    func sameMeaning(_ c: MinifierCase) throws {
        let before = try NodeJS.run(c.source), after = try NodeJS.run(ScriptMinifier.minify(c.source))
        #expect(before.status == 0)
        #expect(after.status == 0)
        #expect(after.output == before.output)
    }

    /// The search page script, where the theme keeps it as a file, still parses once minified.
    @Test(.enabled(if: NodeJS.path != nil && FileManager.default.fileExists(atPath: searchScript.path), "needs Node.js and templates/search.js"))
    func searchScriptParsesMinified() throws {
        let source = try String(contentsOf: Self.searchScript, encoding: .utf8)
        let minified = ScriptMinifier.minify(source)
        #expect(minified.utf8.count < source.utf8.count)
        #expect(try NodeJS.run(minified, ["--check"]).status == 0)
    }

    static let searchScript = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates/search.js")
}
