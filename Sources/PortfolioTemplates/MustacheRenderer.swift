import PortfolioCore

/// Renders parsed templates against `TemplateValue` contexts.
struct MustacheRenderer: Sendable {
    let templates: [String: [MustacheNode]]

    /// `capacity` is room made for the output up front; the string keeps it, so fragments
    /// that are stored (cards) ask for little.
    func render(_ name: String, _ context: TemplateValue, capacity: Int = 16 * 1024) -> String {
        guard let nodes = templates[name] else { return "" }
        var out = ""
        out.reserveCapacity(capacity)
        var stack = [context]
        render(nodes, &stack, into: &out, depth: 0)
        return out
    }

    private func render(_ nodes: [MustacheNode], _ stack: inout [TemplateValue], into out: inout String, depth: Int) {
        for node in nodes {
            switch node {
            case .text(let text):
                out += text
            case let .variable(path, escaped):
                guard let value = lookup(path, stack) else { continue }
                if escaped { Self.appendEscaped(value, to: &out) } else { out += value.text }
            case let .section(path, children, inverted):
                let value = lookup(path, stack) ?? .null
                if inverted {
                    if !value.isTruthy { render(children, &stack, into: &out, depth: depth) }
                    continue
                }
                guard value.isTruthy else { continue }
                if case .list(let items) = value {
                    for item in items {
                        stack.append(item)
                        render(children, &stack, into: &out, depth: depth)
                        stack.removeLast()
                    }
                } else {
                    stack.append(value)
                    render(children, &stack, into: &out, depth: depth)
                    stack.removeLast()
                }
            case .partial(let name):
                // A partial that includes itself stops after a fixed depth instead of looping.
                guard depth < 32, let partial = templates[name] else { continue }
                render(partial, &stack, into: &out, depth: depth + 1)
            }
        }
    }

    /// Finds the first name in the innermost context that has it, then walks the rest.
    private func lookup(_ path: [String], _ stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.first else { return nil }
        if first == "." { return stack.last }
        var found: TemplateValue?
        var i = stack.count
        while i > 0 {
            i -= 1
            if case .map(let names) = stack[i], let value = names[first] { found = value; break }
        }
        for key in path.dropFirst() {
            found = found?[key]
        }
        return found
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
