import ArgumentParser
import Foundation
import PortfolioCore
import PortfolioCounter
import PortfolioCounterServer
import PortfolioSite

/// `portfolio counter serve`: the hosted counter API.
struct CounterServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the view counter API (POST /views/{id}, GET /views?ids=…, /healthz).",
        discussion: """
            Ids come from the published site's counter.json (--site or --manifest), reloaded on \
            SIGHUP. A view is answered only once it is committed; SIGTERM finishes the views in \
            flight, then stops.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var manifest: ManifestOptions
    @Option(help: "The port to listen on.") var port = 8787
    @Option(help: "The address to listen on (127.0.0.1: this machine only, behind a reverse proxy).") var host = "127.0.0.1"
    @Option(name: .customLong("allow-origin"), help: "An origin whose pages may count views (repeatable; default: the site's base_url).")
    var allowOrigin: [String] = []
    @Option(help: "Views one client may record per minute (0: no limit).") var rateLimit = 60
    @Flag(help: "Take the client's address from X-Forwarded-For (only behind your own proxy).") var trustProxy = false
    @Option(help: "Minutes during which a visitor's repeat view of an article is not counted again.") var window = 30
    @Option(help: "A file of User-Agent patterns not counted, one per line (default: the built-in list).") var bots: String?
    @Option(help: "Serve Prometheus /metrics on this port of 127.0.0.1.") var metricsPort: Int?

    func validate() throws {
        guard manifest.file != nil else { throw ValidationError("name the published site (--site public/) so the counter knows its articles") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard rateLimit >= 0, window >= 0 else { throw ValidationError("--rate-limit and --window take 0 or more") }
        for origin in allowOrigin where Site.origin(of: origin) != CounterServiceOptions.normalized(origin) {
            throw ValidationError("--allow-origin takes an origin such as https://example.com, not `\(origin)`")
        }
    }

    func run() async throws {
        let loaded: (CounterManifest, BotFilter)
        do throws(PortfolioError) {
            let filter = try bots.map { path throws(PortfolioError) in try BotFilter.read(URL(fileURLWithPath: path)) } ?? .standard
            loaded = (try CounterManifest.read(manifest.file!), filter)
        } catch {
            report([error])
            throw ExitCode(1)
        }
        var options = CounterServiceOptions()
        (options.host, options.port, options.rateLimit, options.trustProxy, options.metricsPort) = (host, port, rateLimit, trustProxy, metricsPort)
        options.allowedOrigins = allowOrigin.isEmpty ? [loaded.0.origin].compactMap { $0 } : allowOrigin
        guard !options.allowedOrigins.isEmpty else {
            report(["the site's base_url has no origin; name the site's origin with --allow-origin https://…"])
            throw ExitCode(1)
        }
        let rules = CountingRules(window: window * 60, bots: loaded.1)
        let manifestFile = manifest.file
        try await withStore(store) { store in
            let counter = ViewCounter(store: store, manifest: loaded.0, rules: rules)
            try await counter.load(loaded.0)
            printLine("counter: \(loaded.0.baselines.count) articles from \(manifestFile!.path), counts in \(self.store.description)")
            let service = CounterService(options: options, counter: counter, manifestFile: manifestFile, log: printLine)
            try await service.run()
        }
    }
}
