import CCmarkGFM

/// One pass over a parsed document: collects headings, plain text and the first paragraph.
struct TreeWalk {
    let root: OpaquePointer
    var headingNodes: [OpaquePointer] = []
    var headingTexts: [(level: Int, text: String)] = []
    var plainText = ""
    var firstParagraph = ""

    private var headingText: String?
    private var paragraphText: String?
    private var paragraphDone = false

    init(root: OpaquePointer) {
        self.root = root
    }

    mutating func run() {
        let iter = cmark_iter_new(root)
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            visit(node, entering: event == CMARK_EVENT_ENTER)
        }
        while plainText.last == "\n" { plainText.removeLast() }
    }

    private mutating func visit(_ node: OpaquePointer, entering: Bool) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
            if let literal = cmark_node_get_literal(node) { append(String(cString: literal)) }
            if type == CMARK_NODE_CODE_BLOCK { endBlock() }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            append(" ")
        case CMARK_NODE_HEADING:
            if entering {
                headingText = ""
            } else {
                headingNodes.append(node)
                headingTexts.append((Int(cmark_node_get_heading_level(node)), headingText ?? ""))
                headingText = nil
                endBlock()
            }
        case CMARK_NODE_PARAGRAPH:
            if entering {
                if !paragraphDone { paragraphText = "" }
            } else {
                if let text = paragraphText, !text.isEmpty {
                    firstParagraph = text
                    paragraphDone = true
                }
                paragraphText = nil
                endBlock()
            }
        default:
            if !entering, type.rawValue & 0xC000 == 0x8000 { endBlock() }
        }
    }

    private mutating func append(_ text: String) {
        plainText += text
        if headingText != nil { headingText! += text }
        if paragraphText != nil { paragraphText! += text }
    }

    private mutating func endBlock() {
        if !plainText.isEmpty, plainText.last != "\n" { plainText += "\n" }
    }
}
