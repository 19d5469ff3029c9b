/// The names and port under which the preview server is itself: which `Host` headers it
/// answers (so a page cannot reach it through DNS rebinding, under the page's own name)
/// and which `Origin`s are its own pages (so only they may write to it).
struct LocalAuthority: Sendable, Equatable {
    /// A host name or address and the port, as written in `Host` or an origin.
    struct Name: Sendable, Equatable {
        /// Lower-cased, without the brackets of an IPv6 address or a final `.`.
        var host: String
        var port: Int?
    }

    static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "::1"]
    /// The address the server was told to listen on (`--host`), as a `Name.host`.
    let host: String
    /// The port it listens on; 0 while it is not listening (no port matches then).
    let port: Int
    let isLoopback: Bool

    init(options: ServeOptions, port: Int) {
        host = Self.normalized(options.host)
        self.port = port
        isLoopback = options.isLoopback
    }

    /// Bound to every address (`0.0.0.0`, `::`): the user chose to expose the server under
    /// any name, so every `Host` is served.
    var isWildcard: Bool {
        ["0.0.0.0", "::", ""].contains(host)
    }

    /// Whether a request with this `Host` (nil when none was sent) is meant for this server.
    func serves(host authority: String?) -> Bool {
        // A request without Host is HTTP/1.0 from a tool; browsers always send one.
        guard let authority else { return true }
        guard let name = Self.parse(authority: authority) else { return false }
        if isWildcard { return true }
        // The loopback names reach only this machine, so no page elsewhere can bring them;
        // a Host without a port comes from tools, never from a page on another port.
        let names = Self.loopbackNames.union([host])
        return names.contains(name.host) && (name.port == nil || name.port == port)
    }

    /// Whether `origin` (an `Origin` header) is one of this server's own pages; with a
    /// wildcard address, the origin of the request's own `Host` is one too.
    func isOwn(origin: String, requestHost: String?) -> Bool {
        guard let name = Self.parse(origin: origin), name.port == port else { return false }
        var names: Set<String> = [host]
        if isLoopback || isWildcard { names.formUnion(Self.loopbackNames) }
        if isWildcard, let requestHost, let asked = Self.parse(authority: requestHost), (asked.port ?? port) == port {
            names.insert(asked.host)
        }
        return names.contains(name.host)
    }
}
