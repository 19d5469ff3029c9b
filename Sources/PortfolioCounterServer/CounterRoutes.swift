import Foundation
import Hummingbird
import PortfolioCounter

/// The counter API's two routes on a Hummingbird router, below `prefix` (the hosted
/// service uses the root, the preview `/api`). One implementation for both servers:
/// everything they count goes through `ViewCounter`.
public enum CounterRoutes {
    /// Whether a request path is one of the counter routes below `prefix`.
    public static func serves(_ path: String, prefix: String) -> Bool {
        path == prefix + "/views" || path.hasPrefix(prefix + "/views/")
    }

    /// Adds `POST {prefix}/views/{id}` and `GET {prefix}/views?ids=…`. `viewer` tells who
    /// sent a request (its address and User-Agent).
    public static func add<Context: RequestContext>(to router: Router<Context>, prefix: String, counter: ViewCounter,
                                                    viewer: @escaping @Sendable (Request, Context) -> Viewer) {
        router.post("\(prefix)/views/:id") { request, context in
            let raw = context.parameters.get("id") ?? ""
            let id = raw.removingPercentEncoding ?? raw
            return response(try await counter.record(id, by: viewer(request, context)))
        }
        router.get("\(prefix)/views") { request, _ in
            response(try await counter.read(request.uri.queryParameters.get("ids")))
        }
    }

    /// The HTTP response of an answer: JSON that no cache keeps.
    public static func response(_ answer: CounterAnswer) -> Response {
        json(answer.json, status: HTTPResponse.Status(code: answer.status))
    }

    public static func json(_ text: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
