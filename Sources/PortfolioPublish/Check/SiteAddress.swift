import PortfolioCore

/// Turns an address written in a page into what it points to: a file below the output
/// folder (with its `#fragment`), an external address, or nothing to check (`mailto:`,
/// `data:` and the like).
struct SiteAddress: Sendable {
    enum Target: Sendable, Equatable {
        case skip
        case external(String)
        /// A root-relative path that leaves the site's root (`/other/` under `/blog/`).
        case outside(String)
        /// The decoded path below the output folder, `""` for the root, and the fragment.
        case local(path: String, fragment: String?)
    }

    let links: SiteLinks
    /// `https://example.org` (scheme and host of the base URL), lower-cased.
    let origin: String

    init(links: SiteLinks) {
        self.links = links
        let base = links.baseURL.lowercased()
        let afterScheme = base.range(of: "://").map { base[$0.upperBound...] } ?? Substring(base)
        let host = afterScheme.prefix { $0 != "/" }
        origin = String(base[..<afterScheme.startIndex]) + host
    }

    /// What `value`, written in the page at `pagePath` (below the output folder), points to.
    func resolve(_ raw: String, fromPage pagePath: String) -> Target {
        let edges = [raw.utf8.first, raw.utf8.last].compactMap { $0 }
        let value = edges.contains(where: HTMLScanner.isSpace) ? raw.trimmingCharacters(in: .whitespacesAndNewlines) : raw
        guard !value.isEmpty else { return .skip }
        var path: Substring
        if value.hasPrefix("#") {
            return .local(path: pagePath, fragment: Self.decode(value.dropFirst()))
        } else if value.hasPrefix("//") {
            return resolveAbsolute(links.baseURL.prefix { $0 != ":" } + ":" + value)
        } else if value.utf8.first != UInt8(ascii: "/"), let scheme = Self.scheme(of: value) {
            guard scheme == "http" || scheme == "https" else { return .skip }
            return resolveAbsolute(value)
        } else if value.hasPrefix("/") {
            path = Substring(value)
        } else {
            let folder = pagePath.lastIndex(of: "/").map { String(pagePath[...$0]) } ?? ""
            path = Substring(links.root + folder + value)
        }
        return local(path, written: value)
    }

    private func resolveAbsolute(_ value: String) -> Target {
        let lowered = value.lowercased()
        guard lowered.hasPrefix(origin), lowered.count == origin.count || ["/", "?", "#"].contains(lowered[lowered.index(lowered.startIndex, offsetBy: origin.count)]) else {
            return .external(value)
        }
        let rest = value.dropFirst(origin.count)
        return local(rest.isEmpty ? "/" : rest, written: value)
    }

    /// A root-relative address (with its query and fragment) as a file path.
    private func local(_ address: Substring, written: String) -> Target {
        let utf8 = address.utf8
        var end = utf8.endIndex
        var fragment: String?
        if let hash = utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = Self.decode(Substring(utf8[utf8.index(after: hash)...]))
            end = hash
        }
        if let query = utf8[..<end].firstIndex(of: UInt8(ascii: "?")) { end = query }
        let path = Substring(utf8[..<end])
        let root = links.root.utf8
        guard path.utf8.starts(with: root) || path.utf8.elementsEqual(root.dropLast()) else { return .outside(written) }
        let relative = Substring(path.utf8.dropFirst(min(root.count, path.utf8.count)))
        return .local(path: Self.normalized(Self.decode(relative)), fragment: fragment)
    }

    /// `http` of `http://…`; nil when the address has no scheme.
    static func scheme(of value: String) -> String? {
        guard let colon = value.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = value[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) else { return nil }
        return scheme.lowercased()
    }

    /// Percent-decoding, as servers do before they look for a file.
    static func decode(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        let utf8 = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count, let high = hexValue(utf8[i + 1]), let low = hexValue(utf8[i + 2]) {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A path with `.` and `..` segments worked out (never above the root), keeping a
    /// final `/`.
    static func normalized(_ path: String) -> String {
        let utf8 = Array(path.utf8)
        let dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")
        // Only `.` or `..` as a whole segment, or an empty one, need work.
        let needsWork = utf8.indices.contains { i in
            (utf8[i] == dot && (i == 0 || utf8[i - 1] == slash)) || (utf8[i] == slash && i > 0 && utf8[i - 1] == slash)
        }
        guard needsWork else { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        let endsInFolder = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..") || path == "." || path == ".."
        return joined.isEmpty ? "" : joined + (endsInFolder ? "/" : "")
    }
}
