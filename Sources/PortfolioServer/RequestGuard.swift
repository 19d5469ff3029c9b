import Hummingbird
import PortfolioCounterServer

/// Stands before every route: refuses a request for another host (421, against DNS
/// rebinding), answers `OPTIONS` itself (204; CORS headers only for the server's own
/// origins on the counter API), and refuses a POST from another origin or marked
/// `Sec-Fetch-Site: cross-site` (403) before it can count.
struct RequestGuard: RouterMiddleware {
    typealias Context = BasicRequestContext
    static let allow = "GET, HEAD, POST, OPTIONS"
    static let secFetchSite = HTTPFields.Element.Name("Sec-Fetch-Site")!
    /// Where the server is itself, read for every request (the port is known once it listens).
    let authority: @Sendable () -> LocalAuthority

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let local = authority()
        guard local.serves(host: request.head.authority) else { return Self.misdirected() }
        let ownOrigin = request.headers[.origin].flatMap { origin in
            local.isOwn(origin: origin, requestHost: request.head.authority) ? origin : nil
        }
        let counter = CounterRoutes.serves(request.uri.path, prefix: PreviewServer.counterEndpoint)
        if request.method == .options { return Self.preflight(ownOrigin: counter ? ownOrigin : nil, vary: counter) }
        if request.method == .post, !Self.mayWrite(request, ownOrigin: ownOrigin) { return Self.crossSite() }
        var response = try await next(request, context)
        if counter { Self.share(&response.headers, with: ownOrigin) }
        return response
    }

    /// A POST without `Origin` (curl, old browsers' forms) may write; with one, only from
    /// the server's own pages.
    static func mayWrite(_ request: Request, ownOrigin: String?) -> Bool {
        if request.headers[secFetchSite]?.lowercased() == "cross-site" { return false }
        return request.headers[.origin] == nil || ownOrigin != nil
    }

    static func preflight(ownOrigin: String?, vary: Bool) -> Response {
        var headers: HTTPFields = [.allow: allow]
        share(&headers, with: ownOrigin, vary: vary)
        if ownOrigin != nil {
            headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
            headers[.accessControlAllowHeaders] = "Content-Type"
        }
        return Response(status: .noContent, headers: headers)
    }

    /// Lets the server's own other origins (`localhost` for a page on `127.0.0.1`) read
    /// the counter API's answer; the answer depends on `Origin`, so caches must know.
    static func share(_ headers: inout HTTPFields, with ownOrigin: String?, vary: Bool = true) {
        if vary { headers.append(.init(name: .vary, value: "Origin")) }
        if let ownOrigin { headers[.accessControlAllowOrigin] = ownOrigin }
    }

    static func misdirected() -> Response {
        let text = "Misdirected request: this preview server answers only to its own address (portfolio serve --host sets it).\n"
        return Response(status: .misdirectedRequest, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func crossSite() -> Response {
        CounterRoutes.json("{\"error\":\"writes from other sites are refused\"}", status: .forbidden)
    }
}
