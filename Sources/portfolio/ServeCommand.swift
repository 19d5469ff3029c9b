import ArgumentParser
import Foundation
import PortfolioCore
import PortfolioServer

/// `portfolio serve`: build, serve and rebuild on every change, with live reload.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site: build it, serve it and rebuild on every change, with live reload.",
        discussion: """
            The site is built into .portfolio/serve in the site folder (never public/), served \
            with a live-reload script in every page, and rebuilt incrementally when content/, \
            templates/, static/ or portfolio.yml change. View counters work locally; their \
            counts are kept in .portfolio/views.json.
            """
    )

    @OptionGroup var site: SiteOptions
    @Option(help: "The port to listen on.") var port = 4000
    @Option(help: "The address to listen on (127.0.0.1: this machine only).") var host = "127.0.0.1"
    @Flag(help: "Include drafts.") var drafts = false
    @Flag(help: "Watch by polling instead of inotify.") var poll = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--host needs an address") }
    }

    func run() async throws {
        let options = ServeOptions(siteRoot: site.siteRoot, host: host, port: port, drafts: drafts, poll: poll)
        let server: PreviewServer
        do { server = try PreviewServer(options: options) } catch {
            report(error.errors)
            throw ExitCode(1)
        }
        do {
            try await server.run()
        } catch let error as PortfolioError {
            report([error])
            throw ExitCode(1)
        }
    }
}
