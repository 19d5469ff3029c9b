import Foundation

/// A byte-level HTML scanner: it jumps from `<` to `<` (text between tags is never
/// looked at), reads tag names and attributes, skips comments and the insides of
/// `<script>` and `<style>`, and records what `PageScan` holds. It builds no tree, so a
/// large site's pages are read at the speed of the disk cache.
struct HTMLScanner {
    private let p: UnsafePointer<UInt8>
    private let n: Int
    private var i = 0
    private var scan = PageScan()
    /// The current tag's attributes; one buffer for the whole file.
    private var attributes = TagAttributes()

    /// Scans a whole file.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> PageScan {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return PageScan() }
        var scanner = HTMLScanner(p: base, n: bytes.count)
        scanner.run()
        return scanner.scan
    }

    private init(p: UnsafePointer<UInt8>, n: Int) {
        self.p = p
        self.n = n
    }

    private mutating func run() {
        while let open = find(UInt8(ascii: "<"), from: i) {
            i = open + 1
            guard i < n else { return }
            let c = p[i]
            if c == UInt8(ascii: "!") {
                if matches("!--", at: i) { i = find("-->", from: i + 3).map { $0 + 3 } ?? n } else { skipPast(UInt8(ascii: ">")) }
            } else if c == UInt8(ascii: "/") || c == UInt8(ascii: "?") {
                skipPast(UInt8(ascii: ">"))
            } else if Self.isLetter(c) {
                tag(at: open)
            }
        }
    }

    /// One start tag: its name, its attributes, and what they give the scan.
    private mutating func tag(at open: Int) {
        let nameStart = i
        while i < n, !Self.isSpace(p[i]), p[i] != UInt8(ascii: ">"), p[i] != UInt8(ascii: "/") { i += 1 }
        let name = packed(nameStart, i)
        attributes.reset()
        while i < n {
            while i < n, Self.isSpace(p[i]) || p[i] == UInt8(ascii: "/") { i += 1 }
            guard i < n, p[i] != UInt8(ascii: ">") else { break }
            let attrStart = i
            repeat { i += 1 } while i < n && !Self.isSpace(p[i]) && p[i] != UInt8(ascii: "=") && p[i] != UInt8(ascii: ">") && p[i] != UInt8(ascii: "/")
            let attrName = packed(attrStart, i)
            while i < n, Self.isSpace(p[i]) { i += 1 }
            guard i < n, p[i] == UInt8(ascii: "=") else { attributes.set(attrName, value: nil, at: attrStart); continue }
            i += 1
            while i < n, Self.isSpace(p[i]) { i += 1 }
            guard i < n else { break }
            let (valueStart, valueEnd): (Int, Int)
            if p[i] == UInt8(ascii: "\"") || p[i] == UInt8(ascii: "'") {
                let quote = p[i]
                valueStart = i + 1
                valueEnd = find(quote, from: valueStart) ?? n
                i = min(n, valueEnd + 1)
            } else {
                valueStart = i
                while i < n, !Self.isSpace(p[i]), p[i] != UInt8(ascii: ">") { i += 1 }
                valueEnd = i
            }
            if TagAttributes.isWanted(attrName) {
                let raw = String(decoding: UnsafeBufferPointer(start: p + valueStart, count: valueEnd - valueStart), as: UTF8.self)
                let hasReference = memchr(p + valueStart, Int32(UInt8(ascii: "&")), valueEnd - valueStart) != nil
                attributes.set(attrName, value: hasReference ? HTMLEntities.decode(raw) : raw, at: valueStart)
            }
        }
        i = min(n, i + 1)
        attributes.record(tag: name, at: open, into: &scan)
        if name == TagName.script { skipRawText(until: "</script") } else if name == TagName.style { skipRawText(until: "</style") }
    }

    /// Skips to the end tag of a raw-text element (any case).
    private mutating func skipRawText(until end: String) {
        let bytes = Array(end.utf8)
        while let open = find(UInt8(ascii: "<"), from: i) {
            i = open + 1
            if open + bytes.count <= n, (0..<bytes.count).allSatisfy({ Self.lower(p[open + $0]) == bytes[$0] }) { return }
        }
        i = n
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < n, let hit = memchr(p + start, Int32(byte), n - start) else { return nil }
        return p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    private func find(_ text: String, from start: Int) -> Int? {
        guard start < n else { return nil }
        return Array(text.utf8).withUnsafeBytes { ByteSearch.find($0, in: p, count: n, from: start) }
    }

    private func matches(_ text: String, at start: Int) -> Bool {
        let bytes = Array(text.utf8)
        return start + bytes.count <= n && (0..<bytes.count).allSatisfy { p[start + $0] == bytes[$0] }
    }

    private mutating func skipPast(_ byte: UInt8) { i = find(byte, from: i).map { $0 + 1 } ?? n }

    /// A name as `TagName.pack` makes it, read from the page.
    private func packed(_ start: Int, _ end: Int) -> UInt64 {
        var value = UInt64(min(end - start, 255)) << 56
        for k in 0..<min(7, end - start) { value |= UInt64(Self.lower(p[start + k])) << UInt64(8 * k) }
        return value
    }

    static func lower(_ c: UInt8) -> UInt8 { c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") ? c + 32 : c }
    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
    static func isSpace(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == 0x0c
    }
}
