/// Percent-encoding as SigV4 defines it: every byte but the unreserved characters
/// (`A–Z a–z 0–9 - . _ ~`) becomes `%XX` in upper-case hex. The same text goes into the
/// request's URL and into the canonical request, so what is signed is what is sent.
enum URIEncoding {
    private static let hexDigits = Array("0123456789ABCDEF")

    /// `text` encoded for a query name or value: `/` is encoded too.
    static func component(_ text: String) -> String {
        encode(text, keepingSlash: false)
    }

    /// An object key (or `bucket/key`) encoded for the path: `/` separates segments and stays.
    static func path(_ text: String) -> String {
        encode(text, keepingSlash: true)
    }

    private static func encode(_ text: String, keepingSlash: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out.append("%")
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return out
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
