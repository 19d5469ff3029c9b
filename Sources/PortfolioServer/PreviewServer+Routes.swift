import Foundation
import Hummingbird
import PortfolioCore
import PortfolioCounter
import PortfolioCounterServer
import PortfolioSite

extension PreviewServer {
    /// The routes: the event stream and its script, the counter API, a status document,
    /// and every other GET or HEAD served from the build folder; all behind the guard of
    /// the server's own host and origins.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        let options = self.options, listening = self.listening
        router.add(middleware: RequestGuard { LocalAuthority(options: options, port: listening.current) })
        router.add(middleware: SiteFileMiddleware(files: files))
        let hub = self.hub, counters = self.counters, builder = self.builder
        router.get("/__portfolio/events") { _, _ in Self.events(hub) }
        router.get("/__portfolio/live.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: builder.liveReloadScript())))
        }
        router.get("/__portfolio/status") { _, _ in
            CounterRoutes.json("{\"build\":\(Escape.jsonString(hub.build)),\"errors\":\(ServerEvent.list(hub.currentProblems))}")
        }
        // The preview counts every view, from the writer's own machine.
        CounterRoutes.add(to: router, prefix: Self.counterEndpoint, counter: counters) { request, _ in
            Viewer(address: "127.0.0.1", userAgent: request.headers[.userAgent])
        }
        return router
    }

    /// A server-sent event stream: `hello` with the current state, then every event.
    static func events(_ hub: ReloadHub) -> Response {
        let stream = hub.subscribe()
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.text))
            }
            try await writer.finish(nil)
        })
    }

    /// The application listening where the options say.
    public func application() -> some ApplicationProtocol {
        let options = self.options, log = self.log, watcher = self.watcher, listening = self.listening
        let address = BindAddress.hostname(options.host, port: options.port)
        return Application(router: router(), configuration: ApplicationConfiguration(address: address), onServerRunning: { channel in
            let port = channel.localAddress?.port ?? options.port
            listening.withValue { $0 = port }
            log("serving \(options.url(port: port))  (listening on \(options.host)"
                + (options.isLoopback ? " only; use --host 0.0.0.0 to share it" : ", reachable from other machines") + ")")
            log("watching \(watcher.description)")
        })
    }

    /// Builds, serves and rebuilds until interrupted (Ctrl-C or SIGTERM). Throws a
    /// `PortfolioError` when it cannot listen where the options say.
    public func run() async throws {
        if ProcessInfo.processInfo.environment["LOG_LEVEL"] == nil { setenv("LOG_LEVEL", "warning", 1) }
        try PortCheck.check(host: options.host, port: options.port)
        await buildFirst()
        startWatching()
        let signals = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)  // handled below, and by the application's graceful shutdown
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { [weak self] in self?.stop() }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }
        let app = application()
        // The application shuts down gracefully on SIGINT/SIGTERM (the handler above closes
        // the event streams it would wait for); the rebuild loop and the pings end with it.
        let changes = Task { await self.processChanges() }
        let pings = Task { await self.keepAlive() }
        defer {
            stop()
            pings.cancel()
        }
        try await app.runService()
        stop()
        await changes.value
    }
}

extension PreviewServer {
    /// Starts the watcher; if it cannot watch (inotify's limit reached), polls instead.
    func startWatching() {
        let report: @Sendable (SourceChanges) -> Void = { [weak self] changes in self?.changed(changes) }
        do {
            try watcher.start(report)
        } catch {
            watcher.stop()
            let poller = PollingWatcher(siteRoot: options.siteRoot)
            log("\(error); polling instead: \(poller.description)")
            fallback.withValue { $0 = poller }
            poller.start(report)
        }
    }

    /// Sends a comment on the event streams every 20 seconds, so idle connections stay open
    /// and closed ones are noticed; ends when cancelled.
    func keepAlive() async {
        while (try? await Task.sleep(for: .seconds(20))) != nil, !hub.isClosed { hub.send(.ping) }
    }
}

/// Serves site files for every request but the counter API (`/api/views…`) and the
/// server's own `/__portfolio/…` (a site's other `/api/` files are served as files).
struct SiteFileMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let files: SiteFiles

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if CounterRoutes.serves(path, prefix: PreviewServer.counterEndpoint) || path.hasPrefix("/__portfolio/") {
            return try await next(request, context)
        }
        return files.respond(to: request)
    }
}
