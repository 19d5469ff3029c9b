import ArgumentParser
import Foundation
import PortfolioCore
import PortfolioPublish
import PortfolioSite

/// `portfolio publish`: the build, ready for a host: hashed assets, precompressed files,
/// host rules, and the link check.
struct Publish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site for a host: hashed assets, .br and .gz files, host rules, and a link check.")

    @OptionGroup var site: SiteOptions
    @Option(help: "The output folder (default: public/ in the site folder).") var output: String?
    @Option(name: .customLong("base-url"), help: "Override base_url from portfolio.yml.") var baseURL: String?

    func validate() throws {
        if let baseURL, URL(string: baseURL)?.scheme == nil { throw ValidationError("--base-url must be an absolute URL") }
    }

    func run() async throws {
        let output = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        var options = BuildOptions(siteRoot: site.siteRoot, output: output, baseURL: baseURL)
        options.keepsDataUntilExit = true
        let log = BuildLog(steps: Publisher.stepCount) { printLine($0) }
        do {
            let r = try Publisher.publish(options, log: log)
            printLine("published \(r.articles) articles, \(r.pages) pages, \(r.files) files in \(BuildLog.format(r.seconds))")
        } catch {
            report(error.errors)
            FileHandle.standardError.write(Data("publish failed: \(error.errors.count) error(s); the previous output was left as it was\n".utf8))
            throw ExitCode(1)
        }
    }
}
