import Foundation
import Hummingbird
import PortfolioCounter

/// Stands before the hosted counter's routes:
/// - refuses request targets and bodies over the size limits (414, 413);
/// - answers preflight (`OPTIONS`, 204), with CORS headers only for allowed origins;
/// - refuses a POST whose `Origin` is missing or not allowed (403), so neither other
///   sites, nor local previews, nor scripts without a browser's Origin add views;
/// - refuses a client's views over the rate limit (429, with `Retry-After`);
/// - lets allowed origins read every answer (`Access-Control-Allow-Origin`, `Vary: Origin`).
struct CounterGuard: RouterMiddleware {
    typealias Context = CounterRequestContext
    let options: CounterServiceOptions
    let limiter: RateLimiter
    let counter: ViewCounter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.description.utf8.count > options.longestURL {
            return CounterRoutes.json("{\"error\":\"the address is too long\"}", status: .uriTooLong)
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > options.largestBody {
            return CounterRoutes.json("{\"error\":\"the counter reads no request body\"}", status: .contentTooLarge)
        }
        let origin = request.headers[.origin]
        let allowed = options.allows(origin: origin) ? origin : nil
        if request.method == .options { return Self.preflight(allowed) }
        if request.method == .post {
            guard allowed != nil else {
                await counter.noteRefused(limited: false)
                return Self.cors(CounterRoutes.json("{\"error\":\"views are counted only from the site's own pages\"}", status: .forbidden), nil)
            }
            let now = Int(Date().timeIntervalSince1970)
            let withinLimit = limiter.perMinute == 0 ? true : await limiter.allow(Self.client(request, context, trustProxy: options.trustProxy), at: now)
            guard withinLimit else {
                await counter.noteRefused(limited: true)
                let wait = await limiter.retryAfter(at: now)
                return Self.cors(CounterRoutes.json("{\"error\":\"too many views from one client; try again later\"}",
                                                    status: .tooManyRequests, headers: [.retryAfter: String(wait)]), allowed)
            }
        }
        return Self.cors(try await next(request, context), allowed)
    }

    /// The client's address: the socket's peer, or with `trustProxy` the last address the
    /// proxy added to `X-Forwarded-For` (earlier ones come from the client and prove nothing).
    static func client(_ request: Request, _ context: Context, trustProxy: Bool) -> String {
        if trustProxy, let forwarded = request.headers[.xForwardedFor],
           let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty {
            return last
        }
        return context.remoteAddress?.ipAddress ?? "unknown"
    }

    static func preflight(_ allowed: String?) -> Response {
        var headers: HTTPFields = [.allow: "GET, HEAD, POST, OPTIONS"]
        if allowed != nil {
            headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
            headers[.accessControlAllowHeaders] = "Content-Type"
            headers[.accessControlMaxAge] = "86400"
        }
        return cors(Response(status: .noContent, headers: headers), allowed)
    }

    static func cors(_ response: Response, _ allowed: String?) -> Response {
        var response = response
        response.headers.append(.init(name: .vary, value: "Origin"))
        if let allowed { response.headers[.accessControlAllowOrigin] = allowed }
        return response
    }
}

extension HTTPFields.Element.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
