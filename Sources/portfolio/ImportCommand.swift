import ArgumentParser
import Foundation
import PortfolioImport
import PortfolioSite

/// `portfolio import`: bring articles in from other platforms.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import articles from another platform.",
        subcommands: [Eportfolio.self]
    )
}

extension Import {
    /// `portfolio import eportfolio FILE…`: pages saved from the 知識社群ePortfolio blog.
    struct Eportfolio: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eportfolio",
            abstract: "Import posts from pages saved from the 知識社群ePortfolio blog platform.",
            discussion: """
                Each post becomes <slug>.md (pinyin slug) with front matter. Importing again \
                changes nothing; a file edited since is left alone unless --force.
                """
        )

        @Argument(help: "Saved pages (UTF-8 text).")
        var files: [String]

        @Option(help: "The folder the articles go to.")
        var into = "content/posts"

        @Flag(help: "Show what would be written; write nothing.")
        var dryRun = false

        @Flag(help: "Overwrite articles that were changed since they were imported.")
        var force = false

        @Flag(help: "Import empty posts as drafts instead of skipping them.")
        var keepEmpty = false

        @Flag(help: "Give each post the tags the site already has that its text mentions.")
        var tagsFromSite = false

        @OptionGroup var site: SiteOptions

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("Name at least one saved page to import.") }
            guard !into.isEmpty else { throw ValidationError("--into needs a folder.") }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: into, isDirectory: &isFolder), !isFolder.boolValue {
                throw ValidationError("--into \(into) is a file, not a folder.")
            }
        }

        func run() async throws {
            var options = ImportOptions(into: into, dryRun: dryRun, force: force, keepEmpty: keepEmpty)
            if tagsFromSite {
                do { options.siteTags = try SiteTags.names(siteRoot: site.siteRoot) } catch {
                    report(error.errors)
                    throw ExitCode(1)
                }
            }
            let report = Importer(options: options).run(paths: files)
            for entry in report.entries {
                print(entry.describe(dryRun: dryRun))
                if dryRun, entry.action.writes, let front = entry.frontMatter {
                    print(front.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
                }
            }
            for failure in report.failures {
                FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            }
            print(report.summary)
            if report.hasFailures { throw ExitCode(1) }
        }
    }
}
