import PortfolioCore

/// Renders parsed templates against `TemplateValue` contexts.
struct MustacheRenderer: Sendable {
    let program: MustacheProgram

    init(templates: [String: [MustacheNode]]) {
        program = MustacheProgram(templates)
    }

    /// `capacity` is room made for the output up front; the string keeps it, so fragments
    /// that are stored (cards) ask for little.
    func render(_ name: String, _ context: TemplateValue, capacity: Int = 16 * 1024) -> String {
        guard let number = program.numbers[name] else { return "" }
        var out = ""
        out.reserveCapacity(capacity)
        var stack = Frames()
        stack.push(context)
        run(program.ranges[number], &stack, into: &out, depth: 0)
        return out
    }

    /// The context stack: each context, and beside it its members when it is a map (no
    /// members otherwise). Lookups read the members in place; taking a map out of its
    /// value on every lookup copied it, and a page makes thousands of lookups.
    struct Frames {
        private(set) var values: [TemplateValue] = []
        private(set) var members: [TemplateMap] = []

        mutating func push(_ value: TemplateValue) {
            values.append(value)
            if case .map(let map) = value { members.append(map) } else { members.append(TemplateMap()) }
        }

        mutating func pop() {
            values.removeLast()
            members.removeLast()
        }
    }

    private func run(_ range: Range<Int>, _ stack: inout Frames, into out: inout String, depth: Int) {
        var i = range.lowerBound
        while i < range.upperBound {
            switch program.ops[i] {
            case .text(let text):
                out += program.texts[Int(text)]
            case let .variable(path, escaped):
                guard let value = lookup(Int(path), stack) else { break }
                if escaped { Self.appendEscaped(value, to: &out) } else { out += value.text }
            case let .section(path, end, inverted):
                section(lookup(Int(path), stack) ?? .null, i + 1..<Int(end), inverted: inverted, &stack, into: &out, depth: depth)
                i = Int(end)
                continue
            case .partial(let number):
                // A partial that includes itself stops after a fixed depth instead of looping.
                guard depth < 32, number >= 0 else { break }
                run(program.ranges[Int(number)], &stack, into: &out, depth: depth + 1)
            }
            i += 1
        }
    }

    private func section(_ value: TemplateValue, _ body: Range<Int>, inverted: Bool, _ stack: inout Frames,
                         into out: inout String, depth: Int) {
        if inverted {
            if !value.isTruthy { run(body, &stack, into: &out, depth: depth) }
            return
        }
        guard value.isTruthy else { return }
        if case .list(let items) = value {
            for item in items {
                stack.push(item)
                run(body, &stack, into: &out, depth: depth)
                stack.pop()
            }
        } else {
            stack.push(value)
            run(body, &stack, into: &out, depth: depth)
            stack.pop()
        }
    }

    /// Finds the first name in the innermost context that has it, then walks the rest.
    private func lookup(_ path: Int, _ stack: Frames) -> TemplateValue? {
        if program.isDot[path] { return stack.values.last }
        let first = program.firstNames[path], print = program.firstPrints[path]
        guard !first.isEmpty else { return nil }
        var i = stack.members.count
        while i > 0 {
            i -= 1
            guard var found = stack.members[i].value(of: first, print: print) else { continue }
            for key in program.restNames[path] {
                guard case .map(let map) = found, let next = map.value(of: key.name, print: key.print) else { return nil }
                found = next
            }
            return found
        }
        return nil
    }

    /// Appends a value's text, HTML-escaped. Most texts have nothing to escape, and a scan
    /// of their bytes is far cheaper than a walk through their characters.
    private static func appendEscaped(_ value: TemplateValue, to out: inout String) {
        guard case .string(let text) = value else { return out += value.text }
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }
        }
        out += plain == true ? text : Escape.html(text)
    }
}
