import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PortfolioServer
import PortfolioSite
import PortfolioTestSupport
import Testing

/// Browsers hear about every finished build on the event stream.
@Suite struct LiveReloadTests {
    static func isReload(_ event: ServerEvent) -> Bool {
        if case .reload = event { return true }
        return false
    }

    @Test func anEditSendsAReloadEvent() async throws {
        let fixture = try await ServerFixture()
        let events = EventLog(fixture.server.hub)
        try await fixture.withLoop {
            guard case .hello(let first, let problems)? = await events.wait(for: { $0.name == "hello" }) else {
                Issue.record("no hello event")
                return
            }
            #expect(problems.isEmpty)
            try fixture.site.write("content/posts/post-2.md", FixtureSite.article(2, body: "新的第一段。"))
            fixture.watcher.trigger(["content/posts/post-2.md"])
            guard case .reload(let build)? = await events.wait(for: Self.isReload) else {
                Issue.record("no reload event after an edit")
                return
            }
            #expect(build != first)
            #expect(fixture.server.hub.build == build)
        }
        #expect(fixture.log.contains { $0.contains("content/posts/post-2.md changed") && $0.contains("reload sent") })
    }

    @Test func aStylesheetEditSwapsStylesheetsWithoutAReload() async throws {
        let fixture = try await ServerFixture()
        let events = EventLog(fixture.server.hub)
        try await fixture.withLoop {
            try fixture.site.write("templates/assets/style.css", "body { color: teal }\n")
            fixture.watcher.trigger(["templates/assets/style.css"])
            let event = await events.wait { $0.name == "css" || $0.name == "reload" }
            #expect(event?.name == "css")
        }
    }

    @Test func nothingChangedSendsNothing() async throws {
        let fixture = try await ServerFixture()
        let events = EventLog(fixture.server.hub)
        _ = await events.wait { $0.name == "hello" }
        _ = await fixture.server.rebuild(SourceChanges(paths: ["content/posts/post-1.md"]))
        try await Task.sleep(for: .milliseconds(50))
        #expect(events.events.map(\.name) == ["hello"])
    }

    @Test func theEventStreamSpeaksServerSentEvents() async throws {
        let fixture = try await ServerFixture()
        let writer = CapturingWriter()
        let response = PreviewServer.events(fixture.server.hub)
        #expect(response.headers[.contentType] == "text/event-stream; charset=utf-8")
        let streaming = Task { try await response.body.write(writer) }
        #expect(await eventually { writer.text.contains("event: hello\ndata: {\"build\":") })
        try fixture.site.write("content/posts/post-3.md", FixtureSite.article(3, title: "串流測試"))
        _ = await fixture.server.rebuild(SourceChanges(paths: ["content/posts/post-3.md"]))
        #expect(await eventually { writer.text.contains("event: reload\ndata: {\"build\":\"\(fixture.server.hub.build)\"}\n\n") })
        fixture.server.stop()
        try await streaming.value
        #expect(writer.finished)
    }
}

/// A response body writer that keeps what it is given.
final class CapturingWriter: ResponseBodyWriter, @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var done = false

    func write(_ buffer: ByteBuffer) async throws {
        lock.withLock { bytes += Array(buffer.readableBytesView) }
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {
        lock.withLock { done = true }
    }

    var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
    var finished: Bool { lock.withLock { done } }
}
