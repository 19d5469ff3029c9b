import Foundation

/// Images in rendered HTML: every `<img>` cmark made is lazy-loaded, and a paragraph that
/// holds only an image with a title (`![alt](src "title")`) becomes a figure with the
/// title as its caption.
///
/// Works on cmark's own output, where an image is always `<img src="…" alt="…" />` or
/// with ` title="…"` before the slash, and attribute values have their quotes and angle
/// brackets escaped; text that looks like a tag was escaped too, so it never matches.
enum Figures {
    static let imageStart = "<img src=\""
    static let lazyStart = "<img loading=\"lazy\" src=\""

    /// The HTML with figures and lazy images; unchanged when it has no image.
    static func apply(_ html: String) -> String {
        guard html.contains(imageStart) else { return html }
        let lines = html.split(separator: "\n", omittingEmptySubsequences: false).map { figure($0) ?? String($0) }
        return lines.joined(separator: "\n").replacingOccurrences(of: imageStart, with: lazyStart)
    }

    /// `<p><img src="S" alt="A" title="T" /></p>` as a figure, or nil for any other line.
    static func figure(_ line: Substring) -> String? {
        let open = "<p>" + imageStart, close = "\" /></p>"
        guard line.hasPrefix(open), line.hasSuffix(close) else { return nil }
        let inner = line.dropFirst(open.count).dropLast(close.count)
        // Exactly three quoted values: src, alt and title, and nothing after the title.
        let parts = inner.components(separatedBy: "\"")
        guard parts.count == 5, parts[1] == " alt=", parts[3] == " title=", !parts[4].isEmpty else { return nil }
        return "<figure>\(imageStart)\(parts[0])\" alt=\"\(parts[2])\" /><figcaption>\(parts[4])</figcaption></figure>"
    }
}
