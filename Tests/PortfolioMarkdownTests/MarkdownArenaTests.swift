import Foundation
import PortfolioMarkdown
import Testing

/// cmark takes its memory from a per-thread arena while a document renders, and its
/// parsers share one table of extension characters: documents larger than a slab,
/// documents one after another, and documents on several threads at once must all
/// render exactly as they do alone (on many threads, strikethrough and autolinks were
/// once lost).
@Suite("Markdown on many threads")
struct MarkdownArenaTests {
    let renderer = MarkdownRenderer()

    /// A document of about `rows` table rows and as many paragraphs, with headings.
    func document(_ seed: Int, rows: Int) -> String {
        var text = "# 標題 \(seed)\n\n| 面向 | 說明 |\n| --- | --- |\n"
        for r in 0..<rows { text += "| 列\(r) | 內容 **\(seed)** [連結](https://example.com/\(r)) |\n" }
        for r in 0..<rows { text += "\n## 小節 \(r)\n\n第 \(r) 段，註腳[^\(r)]。~~刪除~~ www.example.com\n" }
        for r in 0..<rows { text += "\n[^\(r)]: 註 \(r)\n" }
        return text
    }

    @Test("a document far larger than one slab renders whole")
    func largeDocument() {
        let doc = renderer.render(document(1, rows: 3000))
        #expect(doc.html.hasPrefix("<h1 id=\"標題-1\">標題 1</h1>"))
        #expect(doc.html.components(separatedBy: "<tr>").count == 3002)
        #expect(doc.html.contains("<td>列2999</td>"))
        #expect(doc.headings.count == 3001)
        #expect(doc.headings.last?.anchor == "小節-2999")
        #expect(doc.html.hasSuffix("</section>\n"))
    }

    @Test("documents rendered at once on many threads equal those rendered one by one")
    func threadsAgree() {
        let texts = (0..<48).map { document($0, rows: $0 * 7) }
        let alone = texts.map { renderer.render($0).html }
        let together = Locked([String](repeating: "", count: texts.count))
        DispatchQueue.concurrentPerform(iterations: texts.count) { i in
            let html = renderer.render(texts[i]).html
            together.withLock { $0[i] = html }
        }
        #expect(together.withLock { $0 } == alone)
        // Again after the arenas were used and emptied.
        #expect(texts.map { renderer.render($0).html } == alone)
    }
}

/// A value shared between threads behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
