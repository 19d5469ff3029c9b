import Foundation
import Hummingbird
import HummingbirdTesting
import PortfolioCounter
import PortfolioCounterServer
import Testing

/// The hosted service over HTTP: origins, preflight, the rate limit, sizes, health.
@Suite struct CounterServiceTests {
    static let site = "https://blog.example.com"
    static let agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"

    func service(rateLimit: Int = 0, store: any CounterStore = InMemoryCounterStore()) -> CounterService {
        var options = CounterServiceOptions()
        options.allowedOrigins = [Self.site]
        options.rateLimit = rateLimit
        let counter = ViewCounter(store: store, manifest: ViewCounterTests.manifest, rules: .hosted)
        return CounterService(options: options, counter: counter, manifestFile: nil) { _ in }
    }

    func test(_ service: CounterService, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await Application(router: service.router()).test(.live, body)
    }

    static func headers(origin: String?) -> HTTPFields {
        var headers: HTTPFields = [.userAgent: agent]
        if let origin { headers[.origin] = origin }
        return headers
    }

    @Test func onlyTheSitesOwnPagesCount() async throws {
        let service = service()
        try await test(service) { client in
            let own = try await client.execute(uri: "/views/stp", method: .post, headers: Self.headers(origin: Self.site))
            #expect(own.status == .ok)
            #expect(own.headers[.accessControlAllowOrigin] == Self.site)
            #expect(own.headers[values: .vary].contains("Origin"))
            for origin in ["https://evil.example", "http://127.0.0.1:4000", "http://localhost:4000", "null", nil] {
                let post = try await client.execute(uri: "/views/stp", method: .post, headers: Self.headers(origin: origin))
                #expect(post.status == .forbidden, "\(origin ?? "no origin")")
                #expect(post.headers[.accessControlAllowOrigin] == nil)
            }
            let read = try await client.execute(uri: "/views?ids=stp", method: .get, headers: Self.headers(origin: "https://evil.example"))
            #expect(read.status == .ok)
            #expect(read.headers[.accessControlAllowOrigin] == nil)
            #expect(String(buffer: read.body) == "{\"stp\":908}")
        }
        #expect(await service.counter.totals.refused == 5)
    }

    @Test func preflightIsAnsweredForAllowedOriginsOnly() async throws {
        try await test(service()) { client in
            var headers = Self.headers(origin: Self.site)
            headers[.accessControlRequestMethod] = "POST"
            let allowed = try await client.execute(uri: "/views/stp", method: .options, headers: headers)
            #expect(allowed.status == .noContent)
            #expect(allowed.headers[.accessControlAllowOrigin] == Self.site)
            #expect(allowed.headers[.accessControlAllowMethods]?.contains("POST") == true)
            headers[.origin] = "https://evil.example"
            let foreign = try await client.execute(uri: "/views/stp", method: .options, headers: headers)
            #expect(foreign.status == .noContent)
            #expect(foreign.headers[.accessControlAllowOrigin] == nil)
            #expect(foreign.headers[.accessControlAllowMethods] == nil)
        }
    }

    @Test func aClientOverTheRateLimitGets429() async throws {
        let service = service(rateLimit: 3)
        try await test(service) { client in
            var statuses: [HTTPResponse.Status] = []
            for id in ["stp", "c2m", "stp", "c2m", "stp"] {
                statuses.append(try await client.execute(uri: "/views/\(id)", method: .post, headers: Self.headers(origin: Self.site)).status)
            }
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests, .tooManyRequests])
            let limited = try await client.execute(uri: "/views/stp", method: .post, headers: Self.headers(origin: Self.site))
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 > 0)
            // Reads are not limited.
            #expect(try await client.execute(uri: "/views?ids=stp", method: .get).status == .ok)
        }
        #expect(await service.counter.totals.limited == 3)
    }

    @Test func oversizedRequestsAndOtherWritesAreRefused() async throws {
        let store = InMemoryCounterStore()
        try await test(service(store: store)) { client in
            let long = "/views?ids=" + String(repeating: "a,", count: 3000)
            #expect(try await client.execute(uri: long, method: .get).status == .uriTooLong)
            var headers = Self.headers(origin: Self.site)
            headers[.contentLength] = "5000"
            let body = ByteBuffer(string: String(repeating: "x", count: 5000))
            #expect(try await client.execute(uri: "/views/stp", method: .post, headers: headers, body: body).status == .contentTooLarge)
            for method in [HTTPRequest.Method.put, .delete, .patch] {
                let status = try await client.execute(uri: "/views/stp", method: method, headers: Self.headers(origin: Self.site)).status
                #expect(status == .notFound || status == .methodNotAllowed, "\(method)")
            }
            #expect(try await client.execute(uri: "/views/%E7%A4%BE%E7%BE%A4%E9%9B%BB%E5%95%86", method: .post,
                                             headers: Self.headers(origin: Self.site)).status == .ok)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(String(buffer: health.body).contains("\"articles\":3"))
        }
        #expect(try await store.all().keys.sorted() == ["社群電商"])
    }

    @Test func metricsCountWhatHappened() async throws {
        let service = service()
        try await test(service) { client in
            _ = try await client.execute(uri: "/views/stp", method: .post, headers: Self.headers(origin: Self.site))
            _ = try await client.execute(uri: "/views/stp", method: .post, headers: Self.headers(origin: Self.site))
            _ = try await client.execute(uri: "/views/stp", method: .post, headers: Self.headers(origin: nil))
        }
        // The public port has no /metrics; it has its own router, served on loopback.
        try await test(service) { client in
            let status = try await client.execute(uri: "/metrics", method: .get).status
            #expect(status == .notFound)
        }
        try await Application(router: service.metricsRouter()).test(.router) { client in
            let text = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(text.contains("portfolio_counter_views_total{outcome=\"counted\"} 1"))
            #expect(text.contains("portfolio_counter_views_total{outcome=\"repeat\"} 1"))
            #expect(text.contains("portfolio_counter_views_total{outcome=\"refused_origin\"} 1"))
            #expect(text.contains("portfolio_counter_articles_count 3"))
        }
    }
}
