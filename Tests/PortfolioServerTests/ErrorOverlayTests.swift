import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PortfolioServer
import PortfolioSite
import PortfolioTestSupport
import Testing

/// A failed build shows its errors over the last good page; fixing the file clears them.
@Suite struct ErrorOverlayTests {
    @Test func aBadEditShowsErrorsAndTheFixClearsThem() async throws {
        let fixture = try await ServerFixture()
        let events = EventLog(fixture.server.hub)
        let slug = try fixture.slug(ofPost: 5)
        let page = "/posts/" + slug.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! + "/"
        try await fixture.withLoop {
            try fixture.site.write("content/posts/post-5.md", "---\ntitle: \"壞掉的文章\"\ndate: 不是日期\n---\n\n內文\n")
            fixture.watcher.trigger(["content/posts/post-5.md"])
            guard case .failed(let problems)? = await events.wait(for: { $0.name == "errors" }) else {
                Issue.record("no errors event after a bad edit")
                return
            }
            #expect(problems.count == 1)
            #expect(problems.first?.file == "content/posts/post-5.md")
            #expect(problems.first?.line == 3)
            #expect(problems.first?.message.contains("date") == true)
            try await fixture.test { client in
                let served = try await client.execute(uri: page, method: .get)
                #expect(served.status == .ok)
                #expect(served.text.contains("第 5 篇"))
                let status = try await client.execute(uri: "/__portfolio/status", method: .get)
                #expect(status.text.contains("content/posts/post-5.md"))
            }
            let late = fixture.server.hub.subscribe()
            var iterator = late.makeAsyncIterator()
            guard case .hello(_, let shown)? = await iterator.next() else {
                Issue.record("a browser connecting later gets no hello")
                return
            }
            #expect(shown == problems)

            let count = events.events.count
            try fixture.site.write("content/posts/post-5.md", FixtureSite.article(5, title: "修好的文章"))
            fixture.watcher.trigger(["content/posts/post-5.md"])
            #expect(await events.wait(after: count) { $0.name == "reload" } != nil)
            #expect(fixture.server.hub.currentProblems.isEmpty)
        }
        #expect(fixture.log.contains { $0.contains("build failed with 1 error(s)") })
        #expect(fixture.log.contains { $0.contains("content/posts/post-5.md:3:") })
    }
}
