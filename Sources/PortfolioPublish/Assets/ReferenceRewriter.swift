import Foundation

/// Rewrites a page's references to renamed assets: an attribute whose whole value is a
/// renamed file's address (`href="/assets/style.css"`) gets the hashed address, and on a
/// `<link>` or `<script>` tag an `integrity` attribute after it (unless the tag has one).
/// Works on the bytes; the rest of the page is copied as it is.
struct ReferenceRewriter: Sendable {
    let fingerprints: AssetFingerprints

    /// The page with its references rewritten; the same bytes when it has none.
    func rewrite(_ page: [UInt8]) -> [UInt8] {
        var edits: [(at: Int, length: Int, with: [UInt8])] = []
        page.withUnsafeBufferPointer { bytes in
            for reference in fingerprints.references {
                for start in Self.occurrences(of: reference.from, in: bytes) {
                    let end = start + reference.from.count
                    guard start >= 2, end < bytes.count else { continue }
                    let quote = bytes[start - 1]
                    guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"), bytes[end] == quote,
                          Self.isAttributeValue(bytes, quoteAt: start - 1) else { continue }
                    if let tag = Self.enclosingTag(bytes, before: start), tag.wantsIntegrity, !tag.hasIntegrity {
                        // The value, its closing quote, then the new attribute.
                        let added = reference.to + [quote] + Self.integrityAttribute + reference.integrity + [UInt8(ascii: "\"")]
                        edits.append((start, reference.from.count + 1, added))
                    } else {
                        edits.append((start, reference.from.count, reference.to))
                    }
                }
            }
        }
        guard !edits.isEmpty else { return page }
        edits.sort { $0.at < $1.at }
        var out: [UInt8] = []
        out.reserveCapacity(page.count + edits.count * 80)
        var copied = 0
        for edit in edits where edit.at >= copied {
            out += page[copied..<edit.at]
            out += edit.with
            copied = edit.at + edit.length
        }
        out += page[copied...]
        return out
    }

    static let integrityAttribute = Array(" integrity=\"".utf8)

    /// Where `needle` starts in `bytes`, every time.
    static func occurrences(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard !needle.isEmpty, let base = bytes.baseAddress else { return [] }
        var found: [Int] = []
        var offset = 0
        needle.withUnsafeBytes { n in
            while let at = ByteSearch.find(n, in: base, count: bytes.count, from: offset) {
                found.append(at)
                offset = at + needle.count
            }
        }
        return found
    }

    /// Whether the quote at `quote` opens an attribute's value: `=` before it, perhaps after spaces.
    static func isAttributeValue(_ bytes: UnsafeBufferPointer<UInt8>, quoteAt quote: Int) -> Bool {
        var i = quote - 1
        while i >= 0, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "\t") { i -= 1 }
        return i >= 0 && bytes[i] == UInt8(ascii: "=")
    }

    /// The tag an attribute at `position` sits in: whether it is `<link>` or `<script>`,
    /// and whether it has an `integrity` attribute already. Nil when no tag is open there.
    static func enclosingTag(_ bytes: UnsafeBufferPointer<UInt8>, before position: Int) -> (wantsIntegrity: Bool, hasIntegrity: Bool)? {
        var open = position - 1
        while open >= 0, bytes[open] != UInt8(ascii: "<") {
            if bytes[open] == UInt8(ascii: ">") { return nil }
            open -= 1
        }
        guard open >= 0 else { return nil }
        var close = position
        while close < bytes.count, bytes[close] != UInt8(ascii: ">") { close += 1 }
        let tag = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        let name = tag.prefix { $0.isLetter }.lowercased()
        return (name == "link" || name == "script", tag.lowercased().contains("integrity="))
    }
}
