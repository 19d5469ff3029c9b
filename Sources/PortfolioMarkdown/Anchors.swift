import PortfolioCore

/// Stable heading anchors that work for Chinese headings (`## 市場區隔` → `id="市場區隔"`).
enum Anchors {
    /// Anchors for headings in order; duplicates get `-1`, `-2`, …
    /// Anchors are told apart by their bytes, as a browser tells `id`s apart.
    static func assign(_ headings: [(level: Int, text: String)]) -> [Heading] {
        var taken: Set<UTF8Key> = []
        var next: [UTF8Key: Int] = [:]
        return headings.enumerated().map { index, heading in
            let text = heading.text.trimmed
            let base = text.isEmpty ? "section-\(index + 1)" : Slug.make(text, maxLength: 64)
            var anchor = base
            var n = next[UTF8Key(base)] ?? 1
            while taken.contains(UTF8Key(anchor)) {
                anchor = "\(base)-\(n)"
                n += 1
            }
            next[UTF8Key(base)] = n
            taken.insert(UTF8Key(anchor))
            return Heading(level: heading.level, text: text, anchor: anchor)
        }
    }

    /// A private-use marker placed inside the n-th heading before rendering, so the
    /// rendered `<hN>` can be found exactly, whatever else the HTML holds.
    static func marker(_ index: Int) -> String {
        "\u{E000}\(index)\u{E001}"
    }

    /// Replaces each `<hN>MARKER` with `<hN id="anchor">`, in one pass over the bytes of
    /// the rendered HTML, and makes the page's one string.
    static func apply(_ headings: [Heading], to html: UnsafeBufferPointer<UInt8>) -> String {
        guard !headings.isEmpty else { return String(decoding: html, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + headings.count * 32)
        var i = 0
        // The marker's first scalar, U+E000, is EE 80 80 in UTF-8; copy the runs between.
        while let lead = html[i...].firstIndex(of: 0xEE) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: html[i..<lead]))
            i = lead
            // A marker is the first thing in its heading, right after `<hN>`; the same
            // characters anywhere else are the page's own text and stay as they are.
            if i + 2 < html.count, html[i + 1] == 0x80, html[i + 2] == 0x80, endsWithHeadingTag(out),
               let (index, end) = markerIndex(html, from: i + 3), index < headings.count {
                out.removeLast()
                out += Array(" id=\"\(Escape.html(headings[index].anchor))\">".utf8)
                i = end
            } else {
                out.append(html[i])
                i += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: html[i...]))
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `html` ends with an opening heading tag, `<h1>` to `<h6>`.
    private static func endsWithHeadingTag(_ html: [UInt8]) -> Bool {
        html.count >= 4 && html[html.count - 4] == UInt8(ascii: "<") && html[html.count - 3] == UInt8(ascii: "h")
            && (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(html[html.count - 2]) && html[html.count - 1] == UInt8(ascii: ">")
    }

    /// Reads the digits and the closing U+E001 (EE 80 81) of a marker; more digits than
    /// any heading number has (text that only looks like a marker) is no marker.
    private static func markerIndex(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Int)? {
        var i = start, value = 0
        while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
            guard i - start < 18 else { return nil }
            value = value * 10 + Int(bytes[i] - 48)
            i += 1
        }
        guard i > start, i + 2 < bytes.count, bytes[i] == 0xEE, bytes[i + 1] == 0x80, bytes[i + 2] == 0x81 else { return nil }
        return (value, i + 3)
    }
}
