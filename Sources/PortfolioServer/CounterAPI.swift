import Foundation
import Hummingbird
import PortfolioCore

/// The view counter contract of the design, served by the preview server:
/// `POST /api/views/{id}` records a view and answers `{"id": "...", "views": N}`;
/// `GET /api/views?ids=a,b` answers `{"a": N, "b": N}`. Counts include the front matter
/// baseline; ids of articles the site does not have are refused with 404. Counts add up
/// without overflowing and are answered up to `largestAnswer`.
public final class CounterAPI: Sendable {
    /// Where the routes live; the served pages' counter meta points here.
    public static let endpoint = "/api"
    /// The largest count answered: JavaScript's `Number.MAX_SAFE_INTEGER`, so the page's
    /// script reads every answer exactly.
    public static let largestAnswer = (1 << 53) - 1
    let store: any ViewCountStore
    private let baselines = Locked<[String: Int]>([:])

    /// Whether a request path is one of the counter routes (the site's other `/api/` files
    /// are served as files).
    static func serves(_ path: String) -> Bool {
        path == "/api/views" || path.hasPrefix("/api/views/")
    }

    public init(store: any ViewCountStore) {
        self.store = store
    }

    /// The site's articles (slug → front matter `views`), after every good build.
    public func update(baselines: [String: Int]) {
        self.baselines.withValue { $0 = baselines }
    }

    /// Records one view of the (percent-encoded) id.
    public func record(_ rawID: String) async throws -> Response {
        let id = RequestPath.percentDecode(Array(rawID.utf8)).flatMap { String(bytes: $0, encoding: .utf8) } ?? rawID
        guard let baseline = baselines.current[id] else { return Self.unknown([id]) }
        let views = Self.answer(baseline: baseline, recorded: try await store.increment(id))
        return Self.json("{\"id\":\(Escape.jsonString(id)),\"views\":\(views)}")
    }

    /// Reads the counts of a comma-separated list of ids.
    public func read(_ list: String?) async throws -> Response {
        let ids = (list ?? "").split(separator: ",").map(String.init).filter { !$0.isEmpty }
        guard !ids.isEmpty else {
            return Self.json("{\"error\":\"name the articles: /api/views?ids=a,b\"}", status: .badRequest)
        }
        let known = baselines.current
        let missing = ids.filter { known[$0] == nil }
        guard missing.isEmpty else { return Self.unknown(missing) }
        let counts = try await store.counts(ids)
        var seen: Set<String> = []
        let members = ids.filter { seen.insert($0).inserted }.map { id in
            "\(Escape.jsonString(id)):\(Self.answer(baseline: known[id]!, recorded: counts[id] ?? 0))"
        }
        return Self.json("{" + members.joined(separator: ",") + "}")
    }

    /// The count answered for an article: its baseline plus the views recorded, capped.
    static func answer(baseline: Int, recorded: Int) -> Int {
        min(baseline.saturatingAdding(recorded), largestAnswer)
    }

    static func unknown(_ ids: [String]) -> Response {
        let list = ids.map { Escape.jsonString($0) }.joined(separator: ",")
        return json("{\"error\":\"no such article\",\"ids\":[\(list)]}", status: .notFound)
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
