import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// One pass over a parsed document: collects headings, plain text and the first paragraph.
/// Text is gathered as UTF-8 bytes and made into strings once at the end: cmark's
/// literals are valid UTF-8 already, and a string per literal costs more than the walk.
struct TreeWalk {
    let root: OpaquePointer
    var headingNodes: [OpaquePointer] = []
    private var headingLevels: [Int] = []
    private var headingBytes: [[UInt8]] = []
    private var plain: [UInt8] = []
    private var paragraph: [UInt8] = []

    private var inHeading = false
    private var paragraphStart: Int?
    private var paragraphDone = false

    init(root: OpaquePointer) {
        self.root = root
    }

    /// Headings in order: level and text.
    var headingTexts: [(level: Int, text: String)] {
        zip(headingLevels, headingBytes).map { ($0, String(decoding: $1, as: UTF8.self)) }
    }

    /// The body as plain text, one line per block.
    var plainText: String { String(decoding: plain, as: UTF8.self) }

    /// The text of the first paragraph that has any.
    var firstParagraph: String { String(decoding: paragraph, as: UTF8.self) }

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
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
            if let literal = cmark_node_get_literal(node) {
                append(UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
            }
            if type == CMARK_NODE_CODE_BLOCK { endBlock() }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            append(" ")
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
                if !paragraphDone { paragraphStart = plain.count }
            } else {
                if let start = paragraphStart, plain.count > start {
                    paragraph = Array(plain[start...])
                    paragraphDone = true
                }
                paragraphStart = nil
                endBlock()
            }
        default:
            if !entering, type.rawValue & 0xC000 == 0x8000 { endBlock() }
        }
    }

    private mutating func append(_ text: UnsafeRawBufferPointer) {
        plain.append(contentsOf: text)
        if inHeading { headingBytes[headingBytes.count - 1].append(contentsOf: text) }
    }

    private mutating func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func endBlock() {
        if !plain.isEmpty, !endsWithLineFeed { plain.append(10) }
    }

    /// Whether the text ends with a line feed that is not part of a CR LF pair (the
    /// last character, as Swift counts characters, is "\n").
    private var endsWithLineFeed: Bool {
        plain.last == 10 && (plain.count < 2 || plain[plain.count - 2] != 13)
    }
}
