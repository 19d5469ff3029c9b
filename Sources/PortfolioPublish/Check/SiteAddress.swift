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
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { return .skip }
        var path: Substring
        if value.hasPrefix("#") {
            return .local(path: pagePath, fragment: Self.decode(value.dropFirst()))
        } else if value.hasPrefix("//") {
            return resolveAbsolute(links.baseURL.prefix { $0 != ":" } + ":" + value)
        } else if let scheme = Self.scheme(of: value) {
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
        var path = address
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = Self.decode(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        guard path.hasPrefix(links.root) || path + "/" == links.root else { return .outside(written) }
        let relative = path.dropFirst(min(links.root.count, path.count))
        return .local(path: Self.normalized(Self.decode(relative)), fragment: fragment)
    }

    /// `http` of `http://…`; nil when the address has no scheme.
    static func scheme(of value: String) -> String? {
        guard let colon = value.firstIndex(of: ":") else { return nil }
        let scheme = value[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) else { return nil }
        return scheme.lowercased()
    }

    /// Percent-decoding, as servers do before they look for a file.
    static func decode(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            if byte == UInt8(ascii: "%"), utf8.count >= 3,
               let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A path with `.` and `..` segments worked out (never above the root), keeping a
    /// final `/`.
    static func normalized(_ path: String) -> String {
        guard path.contains(".") || path.contains("//") else { return path }
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
