import Foundation
import Hummingbird
import HummingbirdTesting
import PortfolioCore
@testable import PortfolioServer
import PortfolioSite
import PortfolioTestSupport
import Testing

/// Files are served as a static host would, plus the preview's script and counter endpoint.
@Suite struct StaticServingTests {
    @Test func pagesHaveUTF8TypesTheReloadScriptAndTheLocalCounter() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let home = try await client.execute(uri: "/", method: .get)
            #expect(home.status == .ok)
            #expect(home.headers[.contentType] == "text/html; charset=utf-8")
            #expect(home.text.contains(LiveReloadScript.tag + "</body>"))
            #expect(home.text.contains(#"<meta name="portfolio-counter" content="/api">"#))
            let css = try await client.execute(uri: "/assets/style.css", method: .get)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(!css.text.contains("__portfolio"))
            let feed = try await client.execute(uri: "/feed.xml", method: .get)
            #expect(feed.headers[.contentType] == "application/atom+xml; charset=utf-8")
            let script = try await client.execute(uri: LiveReloadScript.path, method: .get)
            #expect(script.text.contains("EventSource"))
        }
    }

    @Test func cleanURLsRedirectsAndTheSite404() async throws {
        let fixture = try await ServerFixture()
        let slug = try fixture.slug(ofPost: 1)
        let encoded = "/posts/" + slug.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
        try await fixture.test { client in
            let page = try await client.execute(uri: encoded + "/", method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("第 1 篇"))
            let bare = try await client.execute(uri: encoded + "?x=1", method: .get)
            #expect(bare.status == .movedPermanently)
            #expect(bare.headers[.location] == encoded + "/?x=1")
            let missing = try await client.execute(uri: "/posts/no-such-post/", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("找不到這一頁"))
            #expect(missing.text.contains(LiveReloadScript.tag))
            let post = try await client.execute(uri: "/", method: .post)
            #expect(post.status == .methodNotAllowed)
        }
    }

    @Test func headAndConditionalGet() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let get = try await client.execute(uri: "/archives/", method: .get)
            let head = try await client.execute(uri: "/archives/", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(head.headers[.eTag] == get.headers[.eTag])
            let etag = try #require(get.headers[.eTag])
            let cached = try await client.execute(uri: "/archives/", method: .get, headers: [.ifNoneMatch: etag])
            #expect(cached.status == .notModified)
            #expect(cached.body.readableBytes == 0)
            let modified = try #require(get.headers[.lastModified])
            let byDate = try await client.execute(uri: "/archives/", method: .get, headers: [.ifModifiedSince: modified])
            #expect(byDate.status == .notModified)
            let stale = try await client.execute(uri: "/archives/", method: .get, headers: [.ifNoneMatch: "\"old\""])
            #expect(stale.status == .ok)
        }
    }

    @Test func aRebuildChangesWhatIsServed() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let before = try await client.execute(uri: "/", method: .get)
            try fixture.site.write("content/posts/post-0.md", FixtureSite.article(0, title: "首頁上的新標題", date: "2025-01-01 00:00:00"))
            _ = await fixture.server.rebuild(SourceChanges(paths: ["content/posts/post-0.md"]))
            let after = try await client.execute(uri: "/", method: .get)
            #expect(after.text.contains("首頁上的新標題"))
            #expect(after.headers[.eTag] != before.headers[.eTag])
        }
    }

    @Test func theScriptGoesIntoPagesWithoutABody() {
        func inject(_ html: String) -> String {
            String(decoding: HTMLInjector.inject(Array(html.utf8), counterEndpoint: "/api"), as: UTF8.self)
        }
        #expect(inject("<p>片段</p>").hasSuffix(LiveReloadScript.tag))
        #expect(inject("<p>片段</p>").contains(#"content="/api""#))
        #expect(inject("<html><p>x</p></HTML>") == #"<html><p>x</p><meta name="portfolio-counter" content="/api">"# + LiveReloadScript.tag + "</HTML>")
        #expect(inject("<body>a</BODY >\n</html>").contains(LiveReloadScript.tag + "</BODY >"))
        let themed = inject(#"<head><meta name="portfolio-counter" content="https://counter.example/"></head><body></body>"#)
        #expect(themed == #"<head><meta name="portfolio-counter" content="/api"></head><body>"# + LiveReloadScript.tag + "</body>")
    }

    @Test func theStartLinesSayWhereWhatAndHowLong() async throws {
        let fixture = try await ServerFixture()
        try await fixture.server.application().test(.live) { client in
            let head = try await client.execute(uri: "/", method: .head)
            #expect(head.status == .ok)
        }
        let log = fixture.log
        #expect(log.contains { $0.hasPrefix("built ") && $0.contains(" pages") && ($0.hasSuffix(" ms") || $0.hasSuffix(" s")) })
        #expect(log.contains { $0.hasPrefix("serving http://127.0.0.1:") && $0.contains("listening on 127.0.0.1 only") })
        #expect(log.contains("watching " + fixture.watcher.description))
    }

    @Test func aSitesOwnApiFilesAreServedBesideTheCounterAPI() async throws {
        let fixture = try await ServerFixture()
        try fixture.site.write("static/api/data.json", "{\"ok\": true}\n")
        _ = await fixture.server.rebuild(SourceChanges(paths: ["static/api/data.json"]))
        try await fixture.test { client in
            let file = try await client.execute(uri: "/api/data.json", method: .get)
            #expect(file.status == .ok)
            #expect(file.headers[.contentType] == "application/json; charset=utf-8")
            #expect(try await client.execute(uri: "/api/views/nope", method: .post).status == .notFound)
        }
    }

    @Test func aTakenPortIsReportedBeforeBuilding() async throws {
        let fixture = try await ServerFixture()
        try await fixture.server.application().test(.live) { client in
            let port = try #require(client.port)
            #expect(throws: PortfolioError.self) { try PortCheck.check(host: "127.0.0.1", port: port) }
        }
        #expect(throws: PortfolioError.self) { try PortCheck.check(host: "no.such.host.invalid", port: 4000) }
    }
}
