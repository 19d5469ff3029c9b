/// The cleaned text of one post: its title, the body as paragraphs of lines, the source
/// link found at the end, and a writer credited on the first body line.
///
/// Cleaning never drops text: spaces at line ends go, lines of only (no-break) spaces
/// become paragraph breaks, runs of blank lines collapse to one break, and the only lines
/// removed are the trailing source link (kept as `source`) and its `全文連結` label.
public struct EportfolioBody: Sendable, Hashable {
    /// The first non-blank line, spaces collapsed; empty when the post has no text.
    public var title: String
    /// Paragraphs, each holding the lines the platform shows one under another.
    public var paragraphs: [[String]]
    /// The link the body ended with, if any.
    public var source: String?
    /// A bare name (2–4 CJK characters) on the first body line, which credits another
    /// writer. The line stays in `paragraphs` as well.
    public var credit: String?

    /// Cleans the raw lines between a header line and the next one.
    public init(lines: [String]) {
        let cleaned = lines.map { EportfolioText.trimmed($0) }
        guard let titleIndex = cleaned.firstIndex(where: { !$0.isEmpty }) else {
            self.init(title: "", paragraphs: [], source: nil, credit: nil)
            return
        }
        var paragraphs = Self.paragraphs(cleaned[(titleIndex + 1)...])
        var source = Self.takeSource(from: &paragraphs)
        let title = EportfolioText.collapsed(cleaned[titleIndex])
        if paragraphs.isEmpty, source == nil { source = LinkScanner.bareURL(title) }
        let first = paragraphs.first?.first
        let credit = first.flatMap { EportfolioText.isBareName($0) ? $0 : nil }
        let hasMore = paragraphs.joined().count > 1
        self.init(title: title, paragraphs: paragraphs,
                  source: source, credit: hasMore ? credit : nil)
    }

    /// A body from its parts.
    public init(title: String, paragraphs: [[String]], source: String?, credit: String?) {
        self.title = title
        self.paragraphs = paragraphs
        self.source = source
        self.credit = credit
    }

    /// Groups trimmed lines into paragraphs; blank lines (however many) separate them.
    static func paragraphs(_ lines: ArraySlice<String>) -> [[String]] {
        var result: [[String]] = []
        var current: [String] = []
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { result.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Removes a trailing bare URL (and a `全文連結` label line right above it) and returns it.
    static func takeSource(from paragraphs: inout [[String]]) -> String? {
        guard let last = paragraphs.last?.last, let url = LinkScanner.bareURL(last) else { return nil }
        removeLastLine(&paragraphs)
        if let label = paragraphs.last?.last, EportfolioText.isSourceLabel(label) {
            removeLastLine(&paragraphs)
        }
        return url
    }

    static func removeLastLine(_ paragraphs: inout [[String]]) {
        paragraphs[paragraphs.count - 1].removeLast()
        if paragraphs[paragraphs.count - 1].isEmpty { paragraphs.removeLast() }
    }
}
