import Foundation
import Hummingbird
import Logging
import PortfolioCore
import PortfolioCounter
import ServiceLifecycle

/// `portfolio counter serve`: the counter API at the root (`/views`), `/healthz`, and
/// `/metrics` on a separate loopback port. It reloads the site's manifest on SIGHUP,
/// writes one log line a minute, and on SIGTERM or Ctrl-C stops taking requests,
/// finishes the ones in flight (and so their commits), then returns; the caller closes
/// the store.
public final class CounterService: Sendable {
    public let options: CounterServiceOptions
    public let counter: ViewCounter
    let manifestFile: URL?
    let log: @Sendable (String) -> Void
    let limiter: RateLimiter
    let metrics: CounterMetrics

    public init(options: CounterServiceOptions, counter: ViewCounter, manifestFile: URL?,
                log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.counter = counter
        self.manifestFile = manifestFile
        self.log = log
        self.limiter = RateLimiter(perMinute: options.rateLimit)
        self.metrics = CounterMetrics()
    }

    /// The public routes, behind the guard.
    public func router() -> Router<CounterRequestContext> {
        let router = Router(context: CounterRequestContext.self)
        router.add(middleware: CounterGuard(options: options, limiter: limiter, counter: counter))
        let trustProxy = options.trustProxy
        CounterRoutes.add(to: router, prefix: "", counter: counter) { request, context in
            Viewer(address: CounterGuard.client(request, context, trustProxy: trustProxy), userAgent: request.headers[.userAgent])
        }
        let counter = self.counter
        router.get("/healthz") { _, _ in
            CounterRoutes.json("{\"status\":\"ok\",\"articles\":\(await counter.manifest.baselines.count)}")
        }
        return router
    }

    /// `/metrics`, in Prometheus's text format.
    public func metricsRouter() -> Router<BasicRequestContext> {
        let router = Router()
        let counter = self.counter, metrics = self.metrics
        router.get("/metrics") { _, _ in
            let text = await metrics.text(counter)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        return router
    }

    /// Serves until SIGTERM or SIGINT; `onListening` gets the public port once it listens.
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        if ProcessInfo.processInfo.environment["LOG_LEVEL"] == nil { setenv("LOG_LEVEL", "warning", 1) }
        var logger = Logger(label: "portfolio.counter")
        logger.logLevel = .warning  // the service writes its own lines; Hummingbird's are for errors
        let options = self.options, log = self.log
        var services: [any Service] = [Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                log("counting views at http://\(options.host):\(port)/views for \(options.allowedOrigins.joined(separator: ", "))")
                onListening(port)
            }, logger: logger)]
        if let port = options.metricsPort {
            services.append(Application(router: metricsRouter(),
                                        configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)), logger: logger))
        }
        let hangUp = reloadOnHangUp()
        let minutes = Task { await self.everyMinute() }
        defer {
            hangUp.cancel()
            minutes.cancel()
        }
        let group = ServiceGroup(configuration: .init(services: services.map { .init(service: $0) },
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        log("stopped taking views; every answered view is committed")
    }

    /// Reloads the manifest when the process gets SIGHUP (after a new build is deployed).
    func reloadOnHangUp() -> any DispatchSourceSignal {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP)
        let counter = self.counter, file = manifestFile, log = self.log
        source.setEventHandler {
            guard let file else { return }
            Task {
                do {
                    let manifest = try CounterManifest.read(file)
                    try await counter.load(manifest)
                    log("reloaded \(file.path): \(manifest.baselines.count) articles")
                } catch {
                    log("kept the previous manifest: \(error)")
                }
            }
        }
        source.resume()
        return source
    }

    /// Once a minute: a log line when anything happened, and visitors old enough to count
    /// again are forgotten.
    func everyMinute() async {
        var last = await counter.totals
        while (try? await Task.sleep(for: .seconds(60))) != nil {
            let now = await counter.totals
            if now != last { log(now.since(last).line) }
            last = now
            do { try await counter.forgetOldVisitors() } catch { log("could not forget old visitors: \(error)") }
        }
    }
}
