import PortfolioCore

/// Stable heading anchors that work for Chinese headings (`## 市場區隔` → `id="市場區隔"`).
enum Anchors {
    /// Anchors for headings in order; duplicates get `-1`, `-2`, …
    static func assign(_ headings: [(level: Int, text: String)]) -> [Heading] {
        var taken: Set<String> = []
        var next: [String: Int] = [:]
        return headings.enumerated().map { index, heading in
            let text = heading.text.trimmingCharacters(in: .whitespaces)
            let base = text.isEmpty ? "section-\(index + 1)" : Slug.make(text, maxLength: 64)
            var anchor = base
            var n = next[base] ?? 1
            while taken.contains(anchor) {
                anchor = "\(base)-\(n)"
                n += 1
            }
            next[base] = n
            taken.insert(anchor)
            return Heading(level: heading.level, text: text, anchor: anchor)
        }
    }

    /// A private-use marker placed inside the n-th heading before rendering, so the
    /// rendered `<hN>` can be found exactly, whatever else the HTML holds.
    static func marker(_ index: Int) -> String {
        "\u{E000}\(index)\u{E001}"
    }

    /// Replaces each `<hN>MARKER` with `<hN id="anchor">`.
    static func apply(_ headings: [Heading], to html: String) -> String {
        guard !headings.isEmpty else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + headings.count * 24)
        var rest = html[...]
        for (index, heading) in headings.enumerated() {
            let marker = marker(index)
            guard let range = rest.range(of: marker) else { continue }
            var before = rest[..<range.lowerBound]
            if before.hasSuffix(">") { before = before.dropLast() }
            out += before
            out += " id=\"\(Escape.html(heading.anchor))\">"
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}
