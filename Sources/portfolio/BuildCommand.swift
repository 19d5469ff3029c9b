import ArgumentParser
import Foundation
import PortfolioCore
import PortfolioSite

/// `portfolio build`: writes the site into the output folder.
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions
    @Option(help: "The output folder (default: public/ in the site folder).") var output: String?
    @Flag(help: "Include drafts.") var drafts = false
    @Flag(help: "Include articles dated in the future.") var future = false
    @Option(name: .customLong("base-url"), help: "Override base_url from portfolio.yml.") var baseURL: String?

    func validate() throws {
        if let baseURL, URL(string: baseURL)?.scheme == nil { throw ValidationError("--base-url must be an absolute URL") }
    }

    func run() async throws {
        let output = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
        var options = BuildOptions(siteRoot: site.siteRoot, output: output, drafts: drafts, future: future, baseURL: baseURL)
        options.keepsDataUntilExit = true
        let log = BuildLog(steps: SiteBuilder.stepCount) { printLine($0) }
        do {
            let r = try SiteBuilder.build(options, log: log)
            report(r.warnings)
            printLine("built \(r.articles) articles, \(r.pages) pages, \(r.tags) tags, \(r.categories) categories in \(BuildLog.format(r.seconds))")
        } catch {
            report(error.errors)
            FileHandle.standardError.write(Data("build failed: \(error.errors.count) error(s); the previous output was left as it was\n".utf8))
            throw ExitCode(1)
        }
    }
}
