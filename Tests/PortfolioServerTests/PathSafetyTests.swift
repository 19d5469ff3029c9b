import Foundation
import HummingbirdTesting
@testable import PortfolioServer
import Testing

/// Nothing outside the build folder is ever served, however the path is spelled.
@Suite struct PathSafetyTests {
    static let attacks = [
        "/../secret.txt", "/../../etc/passwd", "/posts/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2E/etc/passwd",
        "/.%2e/secret.txt", "/%2e./secret.txt", "/..%2fsecret.txt", "/..%2F..%2Fetc%2Fpasswd", "/%252e%252e/secret.txt",
        "/%25252e%25252e/secret.txt", "/..%5csecret.txt", "/%5c..%5csecret.txt", "//etc/passwd", "/etc/passwd",
        "/%2fetc%2fpasswd", "/secret.txt%00.html", "/%00", "/%zz", "/%e4%b8", "/.portfolio-output", "/out/secret.txt",
        "/out-file.txt", "/posts/%2e%2e/%2e%2e/secret.txt",
    ]

    /// A secret beside the build folder, and symbolic links inside it that point out.
    static func plant(_ fixture: ServerFixture) throws {
        try fixture.site.write("secret.txt", "TOP SECRET\n")
        try fixture.site.write("outside/secret.txt", "TOP SECRET\n")
        let folder = fixture.site.url(".serve")
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("out"), withDestinationURL: fixture.site.url("outside"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("out-file.txt"),
                                                   withDestinationURL: fixture.site.url("secret.txt"))
    }

    @Test(arguments: [TestingSetup.router, TestingSetup.live])
    func traversalIsRefused(_ setup: TestingSetup) async throws {
        let fixture = try await ServerFixture()
        try Self.plant(fixture)
        try await fixture.server.application().test(setup) { client in
            for path in Self.attacks {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path) → \(response.status)")
                #expect(!response.text.contains("TOP SECRET"), "\(path) leaked the secret")
                #expect(!response.text.contains("root:"), "\(path) leaked /etc/passwd")
            }
        }
    }

    @Test func decodingRefusesDotSegmentsAndDecodesOnce() {
        #expect(RequestPath("/%252e%252e/x")?.segments == ["%2e%2e", "x"])
        #expect(RequestPath("/%2e%2e/x") == nil)
        #expect(RequestPath("/a/./b") == nil)
        #expect(RequestPath("/tags/%E7%A4%BE%E7%BE%A4/")?.relative == "tags/社群/index.html")
        #expect(RequestPath("/")?.relative == "index.html")
        #expect(RequestPath("/.well-known/security.txt")?.relative == ".well-known/security.txt")
        #expect(RequestPath("relative") == nil)
    }

    @Test func chinesePathsAreServed() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let tag = try await client.execute(uri: "/tags/%E7%A4%BE%E7%BE%A4/", method: .get)
            #expect(tag.status == .ok)
            #expect(tag.text.contains("社群"))
            let file = try await client.execute(uri: "/files/%E8%AA%AA%E6%98%8E.txt", method: .get)
            #expect(file.status == .ok)
            #expect(file.text == "靜態檔案\n")
            #expect(file.headers[.contentType] == "text/plain; charset=utf-8")
        }
    }
}
