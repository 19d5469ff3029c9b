/// Adds what the preview needs to a served HTML page: the live-reload script (before
/// `</body>`, or `</html>`, or at the end of a page that has neither) and the local
/// counter endpoint in `<meta name="portfolio-counter">`, so the theme's counter script
/// talks to the preview server.
enum HTMLInjector {
    static let counterMeta = Array(#"<meta name="portfolio-counter" content=""#.utf8)

    static func inject(_ html: [UInt8], counterEndpoint: String) -> [UInt8] {
        var page = html
        var snippet = LiveReloadScript.tag
        if let start = find(counterMeta, in: page) {
            let valueStart = start + counterMeta.count
            let valueEnd = page[valueStart...].firstIndex(of: UInt8(ascii: "\"")) ?? valueStart
            page.replaceSubrange(valueStart..<valueEnd, with: Array(counterEndpoint.utf8))
        } else {
            snippet = #"<meta name="portfolio-counter" content="\#(counterEndpoint)">"# + snippet
        }
        let at = findLast("</body", in: page) ?? findLast("</html", in: page) ?? page.count
        page.insert(contentsOf: Array(snippet.utf8), at: at)
        return page
    }

    /// The first index of `needle` in `haystack`.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        let first = needle[0]
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first && haystack[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The last index of an ASCII tag opening such as `</body`, ignoring case.
    static func findLast(_ tag: String, in haystack: [UInt8]) -> Int? {
        let needle = Array(tag.lowercased().utf8)
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.count - needle.count
        while i >= 0 {
            if haystack[i] == UInt8(ascii: "<") && matches(needle, haystack, at: i) { return i }
            i -= 1
        }
        return nil
    }

    private static func matches(_ needle: [UInt8], _ haystack: [UInt8], at start: Int) -> Bool {
        for (k, byte) in needle.enumerated() {
            var c = haystack[start + k]
            if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") { c += 32 }
            if c != byte { return false }
        }
        return true
    }
}
