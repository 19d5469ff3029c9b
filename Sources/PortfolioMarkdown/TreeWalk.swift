import CCmarkGFM
import PortfolioCore
#if canImport(Glibc)
import Glibc
#endif

/// One pass over a parsed document: collects headings, plain text and the first paragraph.
/// Text is gathered as UTF-8 bytes and made into strings once at the end: cmark's
/// literals are valid UTF-8 already, and a string per literal costs more than the walk.
///
/// A soft line break between two East Asian characters (Han, kana, hangul, CJK
/// punctuation) is no space in Chinese: the walk leaves it out of the text and lists the
/// node in `silentBreaks`, for the renderer to remove before the HTML is made. Any other
/// soft break stays a space.
struct TreeWalk {
    let root: OpaquePointer
    var headingNodes: [OpaquePointer] = []
    /// Soft breaks between two East Asian characters, to be removed from the tree.
    var silentBreaks: [OpaquePointer] = []
    /// A soft break seen, waiting for the next text to tell whether it is a space.
    private var pendingBreak: OpaquePointer?
    /// The first paragraphs, for summaries.
    private(set) var lead: [LeadParagraph] = []
    /// Whether raw HTML is dropped, so that it is noticed.
    var dropsHTML = true
    /// Content that will not show as written.
    private(set) var notices: [MarkdownNotice] = []
    private var listDepth = 0
    private var paragraphFirstLine: Int?
    private var headingLevels: [Int] = []
    private var headingBytes: [[UInt8]] = []
    private var plain: [UInt8] = []

    private var inHeading = false
    private var paragraphStart: Int?
    static let leadCount = 8

    init(root: OpaquePointer) {
        self.root = root
    }

    /// Headings in order: level and text.
    var headingTexts: [(level: Int, text: String)] {
        zip(headingLevels, headingBytes).map { ($0, String(decoding: $1, as: UTF8.self)) }
    }

    /// The body as plain text, one line per block.
    var plainText: String { String(decoding: plain, as: UTF8.self) }


    mutating func run() {
        plain.reserveCapacity(4096)
        let iter = cmark_iter_new(root)
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            visit(node, entering: event == CMARK_EVENT_ENTER)
        }
        while endsWithLineFeed { plain.removeLast() }
    }

    private mutating func visit(_ node: OpaquePointer, entering: Bool) {
        let type = cmark_node_get_type(node)
        if entering { notice(node, type) }
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
            if let literal = cmark_node_get_literal(node) {
                append(UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
            }
            if type == CMARK_NODE_CODE_BLOCK { endBlock() }
        case CMARK_NODE_SOFTBREAK:
            settleBreak(before: nil)
            markLineEnd()
            pendingBreak = EastAsian.endsText(plain) ? node : nil
            if pendingBreak == nil { append(" ") }
        case CMARK_NODE_LINEBREAK:
            settleBreak(before: nil)
            markLineEnd()
            append(" ")
        case CMARK_NODE_ITEM:
            listDepth += entering ? 1 : -1
            if !entering { endBlock() }
        case CMARK_NODE_HEADING:
            if entering {
                inHeading = true
                headingBytes.append([])
            } else {
                headingNodes.append(node)
                headingLevels.append(Int(cmark_node_get_heading_level(node)))
                inHeading = false
                endBlock()
            }
        case CMARK_NODE_PARAGRAPH:
            if entering {
                if lead.count < Self.leadCount { paragraphStart = plain.count }
                paragraphFirstLine = nil
            } else {
                if let start = paragraphStart, plain.count > start {
                    let text = String(decoding: plain[start...], as: UTF8.self)
                    let firstLine = paragraphFirstLine.map { String(decoding: plain[start..<$0], as: UTF8.self) } ?? text
                    lead.append(LeadParagraph(text: text, firstLine: firstLine, inList: listDepth > 0))
                }
                paragraphStart = nil
                endBlock()
            }
        default:
            if !entering, type.rawValue & 0xC000 == 0x8000 { endBlock() }
        }
    }

    /// Notes an indented code block, dropped raw HTML (not comments) and local images.
    private mutating func notice(_ node: OpaquePointer, _ type: cmark_node_type) {
        let line = Int(cmark_node_get_start_line(node))
        switch type {
        case CMARK_NODE_CODE_BLOCK:
            // cmark writes the fence's length, offset and character without checking.
            var length: Int32 = 0, offset: Int32 = 0
            var character: CChar = 0
            if cmark_node_get_fenced(node, &length, &offset, &character) == 0 {
                notices.append(MarkdownNotice(.indentedCode, line: line))
            }
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
            guard dropsHTML, let literal = cmark_node_get_literal(node) else { return }
            let text = String(cString: literal)
            // One notice a line: `<span>…</span>` is two inline nodes.
            if !text.hasPrefix("<!--"), notices.last != MarkdownNotice(.droppedHTML, line: line) {
                notices.append(MarkdownNotice(.droppedHTML, line: line))
            }
        case CMARK_NODE_IMAGE:
            guard let url = cmark_node_get_url(node).map({ String(cString: $0) }), !url.isEmpty else { return }
            let lower = url.lowercased()
            if !(lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") || lower.hasPrefix("data:")) {
                notices.append(MarkdownNotice(.localImage(url), line: line))
            }
        default:
            break
        }
    }

    /// Notes where a paragraph's first line ends.
    private mutating func markLineEnd() {
        if paragraphStart != nil, paragraphFirstLine == nil { paragraphFirstLine = plain.count }
    }

    /// Decides a waiting soft break by the text that follows it (nil: no text follows).
    private mutating func settleBreak(before text: UnsafeRawBufferPointer?) {
        guard let node = pendingBreak else { return }
        pendingBreak = nil
        if let text, EastAsian.startsText(text) {
            silentBreaks.append(node)
        } else {
            append(" ")
        }
    }

    private mutating func append(_ text: UnsafeRawBufferPointer) {
        if pendingBreak != nil { settleBreak(before: text) }
        plain.append(contentsOf: text)
        if inHeading { headingBytes[headingBytes.count - 1].append(contentsOf: text) }
    }

    private mutating func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func endBlock() {
        settleBreak(before: nil)
        if !plain.isEmpty, !endsWithLineFeed { plain.append(10) }
    }

    /// Whether the text ends with a line feed that is not part of a CR LF pair (the
    /// last character, as Swift counts characters, is "\n").
    private var endsWithLineFeed: Bool {
        plain.last == 10 && (plain.count < 2 || plain[plain.count - 2] != 13)
    }
}
