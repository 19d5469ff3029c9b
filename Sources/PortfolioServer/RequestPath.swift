import Foundation

/// A request path made safe to look up below the site folder: percent-decoded exactly
/// once (so `%252e%252e` stays the literal name `%2e%2e`), valid UTF-8, and without `.`
/// or `..` segments, NUL bytes, backslashes or hidden names. Anything else is refused,
/// which the server answers with its 404 page.
public struct RequestPath: Sendable, Hashable {
    /// The decoded segments, e.g. `["tags", "社群"]`.
    public let segments: [String]
    /// Whether the request ended in `/` (a folder: serve its `index.html`).
    public let isFolder: Bool

    /// Parses the path part of a request target (no query); nil when it must be refused.
    public init?(_ raw: String) {
        guard raw.hasPrefix("/"), let bytes = Self.percentDecode(Array(raw.utf8)),
              !bytes.contains(0), !bytes.contains(UInt8(ascii: "\\")),
              let decoded = String(bytes: bytes, encoding: .utf8) else { return nil }
        var segments: [String] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            // `.`, `..` and hidden names (the marker, temporary files) are never served;
            // `.well-known` is the one hidden folder a site may publish.
            if part.hasPrefix(".") && part != ".well-known" { return nil }
            segments.append(String(part))
        }
        self.segments = segments
        self.isFolder = decoded.hasSuffix("/") || segments.isEmpty
    }

    /// The path below the site folder, e.g. `tags/社群/index.html`.
    public var relative: String {
        let joined = segments.joined(separator: "/")
        if isFolder { return joined.isEmpty ? "index.html" : joined + "/index.html" }
        return joined
    }

    /// Where a request for this folder without its `/` is sent, e.g. `/tags/%E7%A4%BE%E7%BE%A4/`:
    /// rebuilt from the segments, one `/` between them, so however the request spelled
    /// the path (`//host`, `/%2F%2Fhost`, `/https:%2F%2Fhost`) it stays on this server.
    public var folderLocation: String {
        "/" + segments.map(Self.percentEncode).joined(separator: "/") + "/"
    }

    /// Escapes every byte of a segment but letters, digits and `-._~!$&'()*+,=@`; `:` too,
    /// so a Location never reads as a scheme.
    static func percentEncode(_ segment: String) -> String {
        var out: [UInt8] = []
        for byte in segment.utf8 {
            if keptInSegments.contains(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let keptInSegments = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,=@".utf8)
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Decodes `%XX` escapes; nil when an escape is malformed.
    static func percentDecode(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.contains(UInt8(ascii: "%")) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) else { return nil }
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
