import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PortfolioServer
import Testing

/// The preview answers only under its own names (no DNS rebinding), counts only writes
/// from its own pages, and answers preflights so that browsers refuse other origins.
@Suite struct RequestOriginTests {
    static let secFetchSite = HTTPFields.Element.Name("Sec-Fetch-Site")!

    static func count(_ client: any TestClientProtocol, _ id: String) async throws -> Int? {
        let read = try await client.execute(uri: "/api/views?ids=\(CounterAPITests.encoded(id))", method: .get)
        return try CounterAPITests.json(read)[id] as? Int
    }

    @Test func writesFromOtherOriginsAreRefusedAndNotCounted() async throws {
        let fixture = try await ServerFixture()
        let id = try fixture.slug(ofPost: 4), base = (4 * 37) % 500, uri = "/api/views/\(CounterAPITests.encoded(id))"
        try await fixture.server.application().test(.live) { client in
            let port = try #require(client.port)
            let refused = ["https://evil.example", "null", "http://127.0.0.1:\(port + 1)", "https://127.0.0.1:\(port)",
                           "http://localhost.evil.example:\(port)", "http://127.0.0.1", "http://127.0.0.1:\(port)@evil.example"]
            for origin in refused {
                let response = try await client.execute(uri: uri, method: .post, headers: [.origin: origin, .contentType: "text/plain"])
                #expect(response.status == .forbidden, "\(origin) → \(response.status)")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(try CounterAPITests.json(response)["error"] is String)
            }
            let crossSite = try await client.execute(uri: uri, method: .post, headers: [Self.secFetchSite: "cross-site"])
            #expect(crossSite.status == .forbidden)
            #expect(try await Self.count(client, id) == base)
            let allowed = ["http://127.0.0.1:\(port)", "http://localhost:\(port)", "http://[::1]:\(port)"]
            for origin in allowed {
                let response = try await client.execute(uri: uri, method: .post, headers: [.origin: origin, Self.secFetchSite: "same-origin"])
                #expect(response.status == .ok, "\(origin) → \(response.status)")
            }
            #expect(try await client.execute(uri: uri, method: .post).status == .ok)
            #expect(try await Self.count(client, id) == base + allowed.count + 1)
        }
    }

    @Test func foreignHostsAreMisdirected() async throws {
        let fixture = try await ServerFixture()
        let id = try fixture.slug(ofPost: 5), base = (5 * 37) % 500
        try await fixture.server.application().test(.live) { client in
            let port = try #require(client.port)
            let foreign = ["evil.example:\(port)", "evil.example", "127.0.0.1.evil.example:\(port)", "localhost:\(port + 1)",
                           "[::2]:\(port)", "localhost:\(port)x", "::1:\(port)"]
            for host in foreign {
                for target in ["/", "/api/views?ids=\(CounterAPITests.encoded(id))", "/__portfolio/status", "/__portfolio/live.js"] {
                    let response = try await RawHTTP.send(port: port, target: target, host: host)
                    #expect(response.status == 421, "\(host) \(target) → \(response.status)")
                    #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
                }
                let post = try await RawHTTP.send(port: port, method: "POST", target: "/api/views/\(CounterAPITests.encoded(id))", host: host)
                #expect(post.status == 421, "\(host) POST → \(post.status)")
            }
            #expect(try await Self.count(client, id) == base)
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)", "LocalHost:\(port)", "localhost"] {
                #expect(try await RawHTTP.send(port: port, target: "/", host: host).status == 200, "\(host)")
            }
        }
    }

    @Test func aServerBoundToEveryAddressAnswersAnyHostButCountsOnlyItsOwnPages() async throws {
        let fixture = try await ServerFixture(host: "0.0.0.0")
        let id = try fixture.slug(ofPost: 6), uri = "/api/views/\(CounterAPITests.encoded(id))"
        try await fixture.server.application().test(.live) { client in
            let port = try #require(client.port)
            #expect(try await RawHTTP.send(port: port, target: "/", host: "evil.example:\(port)").status == 200)
            let host = "mybox.lan:\(port)"
            for (origin, status) in [("http://mybox.lan:\(port)", 200), ("http://localhost:\(port)", 200), ("http://evil.example:\(port)", 403)] {
                let post = try await RawHTTP.send(port: port, method: "POST", target: uri, host: host, headers: ["Origin": origin])
                #expect(post.status == status, "\(origin) → \(post.status)")
            }
        }
    }

    @Test func aNamedHostIsServedUnderItsName() async throws {
        let fixture = try await ServerFixture(host: "mybox.test")
        let id = try fixture.slug(ofPost: 7), uri = "/api/views/\(CounterAPITests.encoded(id))"
        try await fixture.server.application().test(.live) { client in
            let port = try #require(client.port)
            #expect(try await RawHTTP.send(port: port, target: "/", host: "mybox.test:\(port)").status == 200)
            #expect(try await RawHTTP.send(port: port, target: "/", host: "MyBox.Test:\(port)").status == 200)
            #expect(try await RawHTTP.send(port: port, target: "/", host: "other.test:\(port)").status == 421)
            let own = try await RawHTTP.send(port: port, method: "POST", target: uri, host: "mybox.test:\(port)",
                                       headers: ["Origin": "http://mybox.test:\(port)"])
            #expect(own.status == 200)
            let loopback = try await RawHTTP.send(port: port, method: "POST", target: uri, host: "mybox.test:\(port)",
                                            headers: ["Origin": "http://localhost:\(port)"])
            #expect(loopback.status == 403)
        }
    }

    @Test func hostsAndOriginsAreReadStrictly() {
        #expect(LocalAuthority.parse(authority: "[::1]:4000") == .init(host: "::1", port: 4000))
        #expect(LocalAuthority.parse(authority: "LocalHost.:4000") == .init(host: "localhost", port: 4000))
        #expect(LocalAuthority.parse(authority: "localhost") == .init(host: "localhost", port: nil))
        for bad in ["", ":4000", "::1:4000", "[::1", "[::1]x", "a b:1", "h:0", "h:65536", "h:+80", "h:80/x", "u@h:80", "h:"] {
            #expect(LocalAuthority.parse(authority: bad) == nil, "\(bad)")
        }
        #expect(LocalAuthority.parse(origin: "http://localhost") == .init(host: "localhost", port: 80))
        for bad in ["null", "https://localhost:4000", "http://localhost:4000/", "localhost:4000", "http://"] {
            #expect(LocalAuthority.parse(origin: bad) == nil, "\(bad)")
        }
        let options = ServeOptions(siteRoot: URL(fileURLWithPath: "/tmp"), port: 4000)
        let local = LocalAuthority(options: options, port: 4000)
        #expect(local.serves(host: nil) && local.serves(host: "127.0.0.1:4000") && !local.serves(host: "127.0.0.1:4001"))
        #expect(local.isOwn(origin: "http://[::1]:4000", requestHost: nil) && !local.isOwn(origin: "http://[::1]:80", requestHost: nil))
        #expect(!LocalAuthority(options: options, port: 0).serves(host: "localhost:4000"))
    }
}
