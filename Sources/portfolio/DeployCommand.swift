import ArgumentParser
import Foundation
import PortfolioCore
import PortfolioDeploy
import PortfolioPublish
import PortfolioSite

/// `portfolio deploy`: publish, then send the output to a target named under `deploy:`
/// in `portfolio.yml` (a git branch, or an S3-compatible bucket).
struct Deploy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publish the site, then upload what changed to a target under deploy: in portfolio.yml.")

    @OptionGroup var site: SiteOptions
    @Argument(help: "The target under deploy: (may be left out when there is only one).") var target: String?
    @Flag(name: .customLong("dry-run"), help: "Show what would change; change nothing.") var dryRun = false
    @Option(name: .customLong("max-deletes"), help: "Refuse to delete more objects than this (default: the target's max_deletes, 256).")
    var maxDeletes: Int?
    @Flag(help: "Delete past --max-deletes; force-push a git branch that has diverged.") var force = false
    @Option(help: "Deploy this already published folder instead of publishing first.") var output: String?

    func validate() throws {
        if let maxDeletes, maxDeletes < 0 { throw ValidationError("--max-deletes must be 0 or more") }
        if let output {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("no published folder at \(output)")
            }
        }
    }

    func run() async throws {
        do throws(PortfolioErrors) {
            let chosen = try DeployConfig.load(siteRoot: site.siteRoot).target(named: target)
            let folder: URL
            if let output { folder = URL(fileURLWithPath: output, isDirectory: true).standardizedFileURL } else { folder = try publish() }
            let style: DeployProgress.Style = isatty(STDOUT_FILENO) == 1 ? .inPlace : .lines
            let progress = DeployProgress(style: style) { FileHandle.standardOutput.write(Data($0.utf8)) }
            let options = Deployment.Options(dryRun: dryRun, force: force, maxDeletes: maxDeletes)
            printLine("deploying \(folder.path) to \(chosen.name)")
            let summary = try await Deployment.run(chosen, folder: folder, siteRoot: site.siteRoot, options: options,
                                                   progress: progress, objectStore: DeployStores.objectStore(for:))
            printLine(summary)
        } catch {
            report(error.errors)
            FileHandle.standardError.write(Data("deploy failed: \(error.errors.count) error(s)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Publishes into the default output folder, as `portfolio publish` does.
    func publish() throws(PortfolioErrors) -> URL {
        var options = BuildOptions(siteRoot: site.siteRoot)
        options.keepsDataUntilExit = true
        let report = try Publisher.publish(options, log: BuildLog(steps: Publisher.stepCount) { printLine($0) })
        printLine("published \(report.articles) articles, \(report.pages) pages, \(report.files) files in \(BuildLog.format(report.seconds))")
        return options.output
    }
}
