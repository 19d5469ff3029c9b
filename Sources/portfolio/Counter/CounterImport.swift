import ArgumentParser
import Foundation
import PortfolioCore
import PortfolioCounter

/// `portfolio counter import FILE`: legacy counts into the store.
struct CounterImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import legacy counts (CSV of id,count, or JSON) from busuanzi, LeanCloud or an old platform.",
        discussion: """
            An imported count takes the place of the article's front matter views as its \
            baseline; views counted live are added to it. Importing the same file again changes \
            nothing. With --site, ids are checked against the site (old ids from aliases map to \
            the article) and unknown ids are skipped and listed.
            """
    )

    @Argument(help: "The CSV or JSON file.") var file: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var manifest: ManifestOptions

    func run() async throws {
        var counts: [String: Int]
        var skipped: [String] = []
        do {
            counts = try LegacyCounts.read(URL(fileURLWithPath: file))
            if let manifestFile = manifest.file {
                let site = try CounterManifest.read(manifestFile)
                var mapped: [String: Int] = [:]
                for (id, count) in counts.sorted(by: { $0.key < $1.key }) {
                    guard let article = site.canonical(id) else { skipped.append(id); continue }
                    mapped[article] = max(mapped[article] ?? 0, count)
                }
                counts = mapped
            }
        } catch let error as PortfolioErrors {
            report(error.errors)
            throw ExitCode(1)
        } catch let error as PortfolioError {
            report([error])
            throw ExitCode(1)
        }
        let toImport = counts
        let changed = try await withStore(store) { try await $0.setImported(toImport) }
        printLine("imported \(counts.count) counts into \(store.description): \(changed) changed, \(counts.count - changed) already so")
        if !skipped.isEmpty { printLine("skipped \(skipped.count) ids the site does not have: \(skipped.prefix(20).joined(separator: ", "))") }
    }
}
