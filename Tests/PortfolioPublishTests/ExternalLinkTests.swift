import Foundation
import PortfolioPublish
import Testing

@Suite("check --external")
struct ExternalLinkTests {
    /// Failing links are reported at every place they are used; HEAD falls back to GET;
    /// a slow server times out; no more than `perHost` requests are open at once; and a
    /// second run takes the answers from the cache with their age.
    @Test func checksCachesAndLimits() async throws {
        let server = try LocalHTTPServer()
        let base = "http://127.0.0.1:\(server.port)"
        var uses: [String: [ExternalUse]] = [:]
        for name in ["ok", "gone", "nohead", "slow"] + (1...6).map { "page\($0)" } {
            uses["\(base)/\(name)"] = [ExternalUse(path: "posts/a/index.html", line: 7)]
        }
        uses["\(base)/gone"]!.append(ExternalUse(path: "posts/b/index.html", line: 3))
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("linkcheck-\(UUID().uuidString)/linkcheck.json")
        let checker = ExternalLinkChecker(cache: cache, timeout: 1, perHost: 2)
        let now = Date()
        let first = await checker.check(uses, now: now)
        #expect(first.asked == 10)
        #expect(first.problems.map(\.description) == [
            "posts/a/index.html:7: link error: external link \(base)/gone answers 404 (checked just now)",
            "posts/a/index.html:7: link error: external link \(base)/slow timed out (checked just now)",
            "posts/b/index.html:3: link error: external link \(base)/gone answers 404 (checked just now)",
        ])
        #expect(server.count("GET /nohead") == 1 && server.count("HEAD /ok") == 1 && server.count("GET /ok") == 0)
        #expect(server.mostOpen <= 2)
        let later = await checker.check(uses, now: now.addingTimeInterval(2 * 3600))
        #expect(later.asked == 0)
        #expect(later.problems.first?.description.hasSuffix("answers 404 (checked 2 h ago)") == true)
        #expect(server.count("HEAD /ok") == 1)
        let stale = await ExternalLinkChecker(cache: cache, timeout: 1, perHost: 2, maxAge: 3600).check(["\(base)/ok": [ExternalUse(path: "x.html", line: 1)]], now: now.addingTimeInterval(2 * 3600))
        #expect(stale.asked == 1 && stale.problems.isEmpty && server.count("HEAD /ok") == 2)
    }
}
