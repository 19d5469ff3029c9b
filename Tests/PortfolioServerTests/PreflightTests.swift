import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PortfolioServer
import Testing

/// `OPTIONS` is answered on every path; the counter API lets the server's own origins in
/// and gives other origins nothing a browser would accept.
@Suite struct PreflightTests {
    static let corsNames: [HTTPFields.Element.Name] = [.accessControlAllowOrigin, .accessControlAllowMethods, .accessControlAllowHeaders]

    @Test func optionsIsAnsweredOnEveryPath() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            for path in ["/", "/posts/no-such-post/", "/assets/style.css", "/__portfolio/status", "/api/views"] {
                let response = try await client.execute(uri: path, method: .options)
                #expect(response.status == .noContent, "\(path) → \(response.status)")
                #expect(response.headers[.allow] == "GET, HEAD, POST, OPTIONS", "\(path)")
                #expect(response.headers[.accessControlAllowOrigin] == nil, "\(path)")
            }
        }
    }

    @Test func theCounterAPILetsOnlyTheServersOwnOriginsIn() async throws {
        let fixture = try await ServerFixture()
        let id = try fixture.slug(ofPost: 4), uri = "/api/views/\(CounterAPITests.encoded(id))"
        try await fixture.server.application().test(.live) { client in
            let port = try #require(client.port)
            for own in ["http://127.0.0.1:\(port)", "http://localhost:\(port)"] {
                let headers: HTTPFields = [.origin: own, .accessControlRequestMethod: "POST", .accessControlRequestHeaders: "content-type"]
                let preflight = try await client.execute(uri: uri, method: .options, headers: headers)
                #expect(preflight.status == .noContent)
                #expect(preflight.headers[.accessControlAllowOrigin] == own)
                #expect(preflight.headers[.accessControlAllowMethods] == "GET, POST, OPTIONS")
                #expect(preflight.headers[.accessControlAllowHeaders] == "Content-Type")
                #expect(preflight.headers[values: .vary].contains("Origin"))
                #expect(preflight.headers[.allow] == "GET, HEAD, POST, OPTIONS")
            }
            let headers: HTTPFields = [.origin: "https://evil.example", .accessControlRequestMethod: "POST"]
            let foreign = try await client.execute(uri: uri, method: .options, headers: headers)
            #expect(foreign.status == .noContent || foreign.status == .forbidden)
            for name in Self.corsNames { #expect(foreign.headers[name] == nil, "\(name)") }
            #expect(try await RequestOriginTests.count(client, id) == (4 * 37) % 500)
        }
    }

    @Test func answersToTheServersOtherOriginsCarryTheirOrigin() async throws {
        let fixture = try await ServerFixture()
        let id = try fixture.slug(ofPost: 4), uri = "/api/views/\(CounterAPITests.encoded(id))"
        try await fixture.server.application().test(.live) { client in
            let own = "http://localhost:\(try #require(client.port))"
            let post = try await client.execute(uri: uri, method: .post, headers: [.origin: own])
            #expect(post.headers[.accessControlAllowOrigin] == own)
            #expect(post.headers[values: .vary].contains("Origin"))
            let read = try await client.execute(uri: "/api/views?ids=\(CounterAPITests.encoded(id))", method: .get,
                                                headers: [.origin: "https://evil.example"])
            #expect(read.status == .ok)
            #expect(read.headers[.accessControlAllowOrigin] == nil)
        }
    }
}
