import ArgumentParser
import Foundation
import PortfolioContent
import PortfolioCore
import PortfolioPublish

/// `portfolio check`: reports broken links, missing anchors and files, aliases a server
/// would never reach, and (as warnings) pages nothing links to and images without alt.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the links of a built site.")

    @OptionGroup var site: SiteOptions
    @Option(help: "The built folder (default: public/ in the site folder).") var output: String?
    @Option(name: .customLong("base-url"), help: "The address the folder was built for (default: base_url from portfolio.yml).") var baseURL: String?
    @Flag(help: "Also check http(s) links to other sites (answers kept in .portfolio/linkcheck.json).") var external = false
    @Option(help: "Seconds to wait for each external link.") var timeout: Double = 10
    @Option(name: .customLong("per-host"), help: "External links asked at once per host.") var perHost: Int = 2
    @Option(name: .customLong("max-age"), help: "Hours a kept answer is used before the link is asked again.") var maxAge: Double = 24

    func validate() throws {
        if timeout <= 0 { throw ValidationError("--timeout must be more than 0") }
        if perHost < 1 { throw ValidationError("--per-host must be at least 1") }
        if maxAge < 0 { throw ValidationError("--max-age must not be negative") }
    }

    func run() async throws {
        let folder = output.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? site.siteRoot.appendingPathComponent("public")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            FileHandle.standardError.write(Data("\(folder.path): no built folder here; run portfolio build or publish first\n".utf8))
            throw ExitCode(1)
        }
        let base: String
        if let baseURL { base = baseURL } else {
            do { base = try SiteConfig.load(siteRoot: site.siteRoot).baseURL } catch {
                report(error.errors)
                throw ExitCode(1)
            }
        }
        let start = Date()
        let result = LinkChecker(folder: folder, baseURL: base).run()
        var problems = result.problems
        var asked = 0
        if external {
            let checker = ExternalLinkChecker(cache: site.siteRoot.appendingPathComponent(".portfolio/linkcheck.json"),
                                              timeout: timeout, perHost: perHost, maxAge: maxAge * 3600)
            let found = await checker.check(result.external)
            problems = (problems + found.problems).sorted()
            asked = found.asked
        }
        for problem in problems { printLine(problem.description) }
        let errors = problems.filter { $0.severity == .error }.count
        var summary = "checked \(result.pages) pages, \(result.references) references"
        if external { summary += ", \(result.external.count) external links (\(asked) asked)" }
        summary += " in \(Int(Date().timeIntervalSince(start) * 1000)) ms: \(errors) errors, \(problems.count - errors) warnings"
        printLine(summary)
        if errors > 0 { throw ExitCode(1) }
    }
}
