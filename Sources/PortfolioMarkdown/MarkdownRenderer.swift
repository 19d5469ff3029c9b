import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PortfolioCore

/// GitHub-flavoured Markdown to HTML through cmark-gfm: tables, strikethrough, autolinks,
/// tag filter, task lists and footnotes. Raw HTML is dropped unless `unsafeHTML` is set.
public struct MarkdownRenderer: Sendable {
    /// Let raw HTML through.
    public var unsafeHTML: Bool

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm keeps the characters that start extension syntax (`~` for
    /// strikethrough, `:` and `w` for autolinks) in one table for the whole process; every
    /// parse adds them when it starts and removes them when it ends, and so does every
    /// table row. Two documents parsed at once on two threads lost strikethrough and
    /// links whenever one ended while the other was parsing. So parsing takes turns;
    /// rendering the HTML, and everything around it, still runs on all cores.
    private static let parsing = NSLock()

    public init(unsafeHTML: Bool = false) {
        self.unsafeHTML = unsafeHTML
    }

    /// Renders a body. Never fails: any text is valid Markdown.
    public func render(_ markdown: String) -> MarkdownDocument {
        MarkdownArena.run { document(markdown) }
    }

    /// Parses and renders; every cmark allocation in here comes from the thread's arena.
    private func document(_ markdown: String) -> MarkdownDocument {
        _ = Self.registered
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        let parser = cmark_parser_new_with_mem(options, MarkdownAllocator.shared)
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var markdown = markdown
        Self.parsing.lock()
        markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let start = chars.baseAddress { cmark_parser_feed(parser, start, chars.count) }
            }
        }
        let finished = cmark_parser_finish(parser)
        Self.parsing.unlock()
        guard let root = finished else {
            return MarkdownDocument(html: "", headings: [], plainText: "", firstParagraph: "")
        }
        defer { cmark_node_free(root) }
        var walk = TreeWalk(root: root)
        walk.run()
        let headings = Anchors.assign(walk.headingTexts.map { ($0.level, $0.text) })
        for (index, node) in walk.headingNodes.enumerated() {
            // The tree takes the marker; cmark links only nodes of one allocator.
            let marker = cmark_node_new_with_mem(CMARK_NODE_TEXT, MarkdownAllocator.shared)
            cmark_node_set_literal(marker, Anchors.marker(index))
            if cmark_node_prepend_child(node, marker) == 0 { cmark_node_free(marker) }
        }
        let html = Figures.apply(renderHTML(root, parser: parser, options: options, headings: headings))
        return MarkdownDocument(html: html, headings: headings, plainText: walk.plainText, firstParagraph: walk.firstParagraph)
    }

    /// The HTML of the document, with heading anchors in place.
    private func renderHTML(_ root: OpaquePointer, parser: OpaquePointer?, options: Int32, headings: [Heading]) -> String {
        guard let cString = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { MarkdownAllocator.shared.pointee.free(cString) }
        return cString.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
            Anchors.apply(headings, to: UnsafeBufferPointer(start: start, count: strlen(cString)))
        }
    }
}
