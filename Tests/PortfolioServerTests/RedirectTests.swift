import Foundation
import HummingbirdTesting
@testable import PortfolioServer
import Testing

/// A redirect (a folder asked for without its `/`) always points at a path on this server,
/// however the request spelled the path: never `//host`, `/\host` or a scheme.
@Suite struct RedirectTests {
    /// Request paths and where they must redirect.
    static let folders: [(String, String)] = [
        ("//posts", "/posts/"), ("///posts", "/posts/"), ("//posts?x=1", "/posts/?x=1"), ("/%2F%2Fposts", "/posts/"),
        ("/%2f/posts", "/posts/"), ("//evil.example", "/evil.example/"), ("/%2F%2Fevil.example", "/evil.example/"),
        ("/https:%2F%2Fevil.example", "/https%3A/evil.example/"),
    ]
    /// Spellings with a backslash, which browsers read as `/`: refused outright.
    static let backslashes = ["/\\evil.example", "/%5Cevil.example", "/%5C%5Cevil.example", "/%5c/evil.example", "/\\\\evil.example"]

    /// Folders named like hosts, so the spellings above would reach a real folder.
    static func plant(_ fixture: ServerFixture) throws {
        for folder in ["evil.example", "https:/evil.example"] {
            try fixture.site.write(".serve/\(folder)/index.html", "<p>planted</p>\n")
        }
    }

    static func isLocalPath(_ location: String) -> Bool {
        location.hasPrefix("/") && !location.hasPrefix("//") && !location.contains("\\") && !location.contains(":")
    }

    @Test func foldersRedirectToAPathOnThisServer() async throws {
        let fixture = try await ServerFixture()
        try Self.plant(fixture)
        try await fixture.test { client in
            for (path, expected) in Self.folders {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .movedPermanently, "\(path) → \(response.status)")
                #expect(response.headers[.location] == expected, "\(path) → \(response.headers[.location] ?? "no Location")")
                #expect(Self.isLocalPath(response.headers[.location] ?? "/"), "\(path)")
            }
            for path in Self.backslashes {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path) → \(response.status)")
                #expect(response.headers[.location] == nil, "\(path) → \(response.headers[.location] ?? "")")
            }
        }
    }

    @Test func overASocketToo() async throws {
        let fixture = try await ServerFixture()
        try Self.plant(fixture)
        try await fixture.server.application().test(.live) { client in
            let port = try #require(client.port)
            for (path, expected) in Self.folders {
                let response = try await RawHTTP.send(port: port, target: path, host: "localhost:\(port)")
                #expect(response.status == 301, "\(path) → \(response.status)")
                #expect(response.headers["location"] == expected, "\(path) → \(response.headers["location"] ?? "no Location")")
            }
            let absolute = try await RawHTTP.send(port: port, target: "http://localhost:\(port)//evil.example", host: "localhost:\(port)")
            #expect(Self.isLocalPath(absolute.headers["location"] ?? "/"), "\(absolute.headers["location"] ?? "")")
        }
    }

    @Test func theLocationIsRebuiltFromTheSegments() {
        #expect(RequestPath("/tags/%E7%A4%BE%E7%BE%A4")?.folderLocation == "/tags/%E7%A4%BE%E7%BE%A4/")
        #expect(RequestPath("/tags/社群")?.folderLocation == "/tags/%E7%A4%BE%E7%BE%A4/")
        #expect(RequestPath("/a%20b%25/c%3Fd%23")?.folderLocation == "/a%20b%25/c%3Fd%23/")
        #expect(RequestPath("////x//y")?.folderLocation == "/x/y/")
        #expect(RequestPath("/s2b2c-(1)~_.@")?.folderLocation == "/s2b2c-(1)~_.@/")
    }
}
