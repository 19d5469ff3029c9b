import PortfolioCore

/// A parsed Mustache template.
indirect enum MustacheNode: Sendable {
    case text(String)
    case variable(path: [String], escaped: Bool)
    case section(path: [String], children: [MustacheNode], inverted: Bool)
    case partial(String)
}

/// Parses Mustache: variables (`{{x}}`, `{{{x}}}`, `{{&x}}`), dotted names and `.`,
/// sections, inverted sections, comments and partials, with the spec's rule that a tag
/// standing alone on its line takes the whole line with it. Errors carry the line.
/// Set delimiters (`{{=<% %>=}}`), template inheritance (`{{<parent}}`, `{{$block}}`) and
/// dynamic partial names (`{{>*name}}`) are not supported and are errors.
struct MustacheParser {
    let text: [UInt8]
    let path: String
    var pos = 0

    init(_ source: String, path: String) {
        text = Array(source.utf8)
        self.path = path
    }

    static func parse(_ source: String, path: String) throws(PortfolioError) -> [MustacheNode] {
        var parser = MustacheParser(source, path: path)
        var stack: [(name: String, inverted: Bool, nodes: [MustacheNode], line: Int)] = [("", false, [], 1)]
        for token in try parser.tokenize() {
            switch token {
            case .node(let node): stack[stack.count - 1].nodes.append(node)
            case .open(let name, let inverted, let line): stack.append((name, inverted, [], line))
            case .close(let name, let line):
                guard stack.count > 1 else { throw parser.error("`{{/\(name)}}` closes a section that was never opened", line: line) }
                guard stack.last!.name == name else {
                    throw parser.error("`{{/\(name)}}` closes the wrong section; expected `{{/\(stack.last!.name)}}`", line: line)
                }
                let done = stack.removeLast()
                stack[stack.count - 1].nodes.append(.section(path: Self.split(done.name), children: done.nodes, inverted: done.inverted))
            }
        }
        if stack.count > 1 { throw parser.error("section `\(stack.last!.name)` is never closed", line: stack.last!.line) }
        return stack[0].nodes
    }

    static func split(_ name: String) -> [String] {
        name == "." ? ["."] : name.split(separator: ".").map(String.init)
    }

    enum Token {
        case node(MustacheNode)
        case open(String, inverted: Bool, line: Int)
        case close(String, line: Int)
    }

    func error(_ message: String, line: Int) -> PortfolioError {
        PortfolioError(.template, message, at: SourceLocation(path: path, line: line))
    }

    func line(at index: Int) -> Int {
        1 + text[0..<min(index, text.count)].reduce(0) { $0 + ($1 == Self.newline ? 1 : 0) }
    }

    /// All tokens in order, text between tags included.
    mutating func tokenize() throws(PortfolioError) -> [Token] {
        var tokens: [Token] = []
        while pos < text.count {
            guard let open = find([Self.openBrace, Self.openBrace], from: pos) else {
                tokens.append(.node(.text(String(decoding: text[pos...], as: UTF8.self))))
                break
            }
            let triple = open + 2 < text.count && text[open + 2] == Self.openBrace
            let closeSeq: [UInt8] = triple ? [Self.closeBrace, Self.closeBrace, Self.closeBrace] : [Self.closeBrace, Self.closeBrace]
            let tagLine = line(at: open)
            guard let close = find(closeSeq, from: open + 2) else { throw error("a tag is not closed with \(triple ? "}}}" : "}}")", line: tagLine) }
            let inner = String(decoding: text[(open + (triple ? 3 : 2))..<close], as: UTF8.self)
            let sigil = triple ? "{" : inner.first.map(String.init) ?? ""
            let hasSigil = ["#", "^", "/", "!", ">", "&", "=", "%"].contains(sigil)
            let name = (hasSigil ? String(inner.dropFirst()) : inner).trimmingCharacters(in: .whitespaces)
            var before = open, after = close + closeSeq.count
            if ["#", "^", "/", "!", ">", "%"].contains(sigil) { standalone(&before, &after) }
            if before > pos { tokens.append(.node(.text(String(decoding: text[pos..<before], as: UTF8.self)))) }
            pos = after
            if name.isEmpty && sigil != "!" { throw error("a tag has no name", line: tagLine) }
            switch sigil {
            case "#": tokens.append(.open(name, inverted: false, line: tagLine))
            case "^": tokens.append(.open(name, inverted: true, line: tagLine))
            case "/": tokens.append(.close(name, line: tagLine))
            case "!", "%": break
            case ">":
                if name.hasPrefix("*") { throw error("dynamic partial names (`{{>*…}}`) are not supported", line: tagLine) }
                tokens.append(.node(.partial(name)))
            case "=": throw error("changing delimiters is not supported", line: tagLine)
            case "<", "$": throw error("template inheritance (`{{<…}}`, `{{$…}}`) is not supported", line: tagLine)
            case "{", "&": tokens.append(.node(.variable(path: Self.split(name), escaped: false)))
            default: tokens.append(.node(.variable(path: Self.split(name), escaped: true)))
            }
        }
        return tokens
    }

    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    /// A space or a tab: the blanks a standalone tag may have around it on its line.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Widens `[before, after)` to the whole line when the tag stands alone on it.
    private func standalone(_ before: inout Int, _ after: inout Int) {
        var start = before
        while start > 0, Self.isBlank(text[start - 1]) { start -= 1 }
        guard start == 0 || text[start - 1] == Self.newline else { return }
        var end = after
        while end < text.count, Self.isBlank(text[end]) || text[end] == Self.carriageReturn { end += 1 }
        guard end == text.count || text[end] == Self.newline else { return }
        before = start
        after = end < text.count ? end + 1 : end
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= text.count {
            if text[i] == needle[0] && (needle.count == 1 || text[i + 1] == needle[1]) && (needle.count < 3 || text[i + 2] == needle[2]) {
                return i
            }
            i += 1
        }
        return nil
    }
}
