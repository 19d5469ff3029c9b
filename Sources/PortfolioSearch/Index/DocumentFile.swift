/// `docs/<c>.json`: what a result shows, `chunk` documents a file, as a JSON array of
/// `{"c":[categories],"d":date,"g":[tags],"i":id,"s":summary,"t":title,"u":url,"v":views,"x":text}`,
/// keys in sorted order, written straight to bytes (ten thousand of these per build).
/// `x` is the whole text, whitespace runs made one space, so a snippet can show a match
/// anywhere in the article; one document a file, since a query fetches only the files of
/// the results it shows and a second document there would be bytes nobody reads.
enum DocumentFile {
    /// Documents per file.
    static let chunk = 1
    /// Characters of the body kept for snippets: all of them, short of a runaway file.
    static let excerptLength = 200_000
    static let summaryLength = 160

    static func bytes(_ doc: SearchDocument) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + doc.title.utf8.count + doc.body.utf8.count + 3 * summaryLength)
        func key(_ k: String, first: Bool = false) {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: k.utf8)
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ":"))
        }
        func list(_ items: [String]) {
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "{"))
        key("c", first: true); list(doc.categories)
        key("d"); JSONValue.writeString(doc.date, into: &out)
        key("g"); list(doc.tags)
        key("i"); JSONValue.writeString(doc.id, into: &out)
        key("s"); JSONValue.writeUTF8(clip(doc.summary, summaryLength), into: &out)
        key("t"); JSONValue.writeString(doc.title, into: &out)
        key("u"); JSONValue.writeString(doc.url, into: &out)
        key("v"); out.append(contentsOf: String(doc.views).utf8)
        key("x"); JSONValue.writeUTF8(clip(doc.body, excerptLength), into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// UTF-8 of `text` with whitespace runs collapsed to one space (none at the ends), cut
    /// to `limit` Unicode scalars (never inside a combining sequence) with an ellipsis.
    static func clip(_ text: String, _ limit: Int) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            // Never longer than the text and an ellipsis: whitespace runs only shrink.
            [UInt8](unsafeUninitializedCapacity: bytes.count + 3) { out, written in written = clip(bytes, limit, into: out) }
        }
    }

    /// `clip` of valid UTF-8 into `out`, which has room for all of it and an ellipsis; returns the byte count.
    private static func clip(_ bytes: UnsafeBufferPointer<UInt8>, _ limit: Int, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var o = 0, n = 0, i = 0
        var space = false
        while i < bytes.count {
            let b0 = bytes[i]
            let length = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
            var v = UInt32(b0)
            if length == 2 { v = UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F) }
            if length == 3 { v = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F) }
            if length == 4 {
                v = UInt32(b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
            }
            if isWhitespace(v) {
                space = o > 0
                i += length
                continue
            }
            if n >= limit && !extends(v) {
                for byte in "…".utf8 { out[o] = byte; o += 1 }
                break
            }
            if space { out[o] = 0x20; o += 1; n += 1; space = false }
            for k in 0..<length { out[o + k] = bytes[i + k] }
            o += length
            n += 1
            i += length
        }
        return o
    }

    /// Unicode White_Space.
    static func isWhitespace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Scalars that continue the character before them (marks, joiners, selectors, skin tones).
    static func extends(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F,
             0x200C, 0x200D, 0x3099, 0x309A, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F, 0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }
}
