import PortfolioCounter
import Foundation
import Hummingbird
import HummingbirdTesting
import PortfolioCore
@testable import PortfolioServer
import PortfolioSite
import PortfolioTestSupport
import Testing

/// A preview server over a fixture site, with a watcher the test triggers, counts in
/// memory (or in a file) and its log lines kept.
final class ServerFixture: Sendable {
    let site: FixtureSite
    let server: PreviewServer
    let watcher = ManualWatcher()
    let keepSite: Bool
    private let lines = LogLines()

    init(site: FixtureSite? = nil, host: String = "127.0.0.1", viewsFile: URL? = nil, store: (any CounterStore)? = nil,
         keepSite: Bool = false) async throws {
        let site = try site ?? FixtureSite()
        self.site = site
        self.keepSite = keepSite
        let options = ServeOptions(siteRoot: site.root, host: host, port: 0, folder: site.url(".serve"), viewsFile: .some(viewsFile),
                                   settle: .zero)
        let lines = self.lines
        server = try PreviewServer(options: options, watcher: watcher, store: store, log: { lines.append($0) })
        #expect(await server.buildFirst())
        watcher.start { [server] in server.changed($0) }
    }

    var log: [String] { lines.all }

    /// Runs `body` with the rebuild loop going, then stops the server.
    func withLoop<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        let loop = Task { await server.processChanges() }
        defer {
            server.stop()
            loop.cancel()
        }
        return try await body()
    }

    /// Runs requests against the server's router (no sockets).
    func test<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await server.application().test(.router, body)
    }

    /// The slug of an article, from its page's path in the build folder.
    func slug(ofPost i: Int) throws -> String {
        try Self.slug(in: site, ofPost: i)
    }

    static func slug(in site: FixtureSite, ofPost i: Int) throws -> String {
        let text = try String(contentsOf: site.url(FixtureSite.postPath(i)), encoding: .utf8)
        let title = text.split(separator: "\n").first { $0.hasPrefix("title: ") }!.dropFirst(7).trimmingCharacters(in: .init(charactersIn: "\""))
        return Slug.make(title)
    }

    deinit {
        server.stop()
        if !keepSite { site.delete() }
    }
}

final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.withLock { lines.append(line) }
    }

    var all: [String] {
        lock.withLock { lines }
    }
}

/// Every event a hub sends from now on, collected as it arrives.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [ServerEvent] = []

    init(_ hub: ReloadHub) {
        let stream = hub.subscribe()
        Task { [self] in
            for await event in stream { lock.withLock { received.append(event) } }
        }
    }

    var events: [ServerEvent] {
        lock.withLock { received }
    }

    /// Waits for an event that matches, among those after the first `skip`.
    func wait(after skip: Int = 0, within seconds: Double = 60, for match: (ServerEvent) -> Bool) async -> ServerEvent? {
        var found: ServerEvent?
        _ = await eventually(within: seconds) {
            found = events.dropFirst(skip).first(where: match)
            return found != nil
        }
        return found
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
