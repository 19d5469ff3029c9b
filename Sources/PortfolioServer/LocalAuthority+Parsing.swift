extension LocalAuthority {
    /// Splits `host[:port]` or `[v6]:port`; nil when it is not one (a stray `:`, a path,
    /// user info, a port that is not a number of 1 to 65535).
    static func parse(authority: String) -> Name? {
        var rest = Substring(authority)
        let host: Substring
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            host = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[rest.index(after: close)...]
        } else {
            let colon = rest.firstIndex(of: ":") ?? rest.endIndex
            host = rest[..<colon]
            rest = rest[colon...]
        }
        guard !host.isEmpty, host.allSatisfy(isHostCharacter) else { return nil }
        guard let port = parse(port: rest) else { return nil }
        return Name(host: normalized(String(host)), port: port)
    }

    /// An `Origin` of the form `http://host[:port]`, its port 80 when none is written; nil
    /// for `null`, other schemes, or anything after the authority.
    static func parse(origin: String) -> Name? {
        let scheme = "http://"
        guard origin.lowercased().hasPrefix(scheme), var name = parse(authority: String(origin.dropFirst(scheme.count))) else { return nil }
        name.port = name.port ?? 80
        return name
    }

    /// The port after a `:`, `.some(nil)` when there is none.
    private static func parse(port text: Substring) -> Int?? {
        if text.isEmpty { return .some(nil) }
        guard text.first == ":", text.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(text.dropFirst()),
              (1...65535).contains(port) else { return nil }
        return .some(port)
    }

    /// Letters, digits, `-`, `.`, `_`, and `:` inside brackets (IPv6).
    private static func isHostCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "." || c == "_" || c == ":")
    }

    /// Lower case, no brackets, no final `.` (`LocalHost.` is `localhost`).
    static func normalized(_ host: String) -> String {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.hasSuffix("."), name.count > 1 { name.removeLast() }
        return name
    }
}
