import Foundation
import PortfolioCore

/// Runs an import: reads each page, plans every post, writes (unless a dry run) and
/// reports. A file that does not parse contributes errors and nothing else; the other
/// files still import.
public struct Importer: Sendable {
    /// The run's options.
    public var options: ImportOptions
    /// Where pages are read and articles written.
    public var fileSystem: any ImportFileSystem

    /// An importer over `fileSystem` (the disk by default).
    public init(options: ImportOptions, fileSystem: any ImportFileSystem = LocalFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
    }

    /// Imports the pages at `paths`, in order.
    public func run(paths: [String]) -> ImportReport {
        var report = ImportReport(dryRun: options.dryRun)
        report.filesGiven = paths.count
        var plan: ImportPlan
        do { plan = try ImportPlan(options: options, fileSystem: fileSystem) } catch {
            report.failures.append(error)
            return report
        }
        for path in paths {
            let page: EportfolioPage
            do { page = try load(path) } catch {
                report.failures.append(contentsOf: error.errors)
                report.failedFiles.append(path)
                continue
            }
            for post in page.posts {
                report.entries.append(apply(plan.decide(post, from: path), report: &report))
            }
        }
        return report
    }

    /// Reads and parses one page.
    public func load(_ path: String) throws(PortfolioErrors) -> EportfolioPage {
        let data: Data
        do { data = try fileSystem.read(path) } catch {
            throw PortfolioErrors([PortfolioError(.importer, "cannot read the file: \(error.localizedDescription)",
                                                  at: SourceLocation(path: path))])
        }
        return try EportfolioParser.parse(data: data, path: path, timeZone: options.timeZone)
    }

    /// Writes the entry's file when it should be written and this is not a dry run.
    func apply(_ entry: ImportEntry, report: inout ImportReport) -> ImportEntry {
        guard !options.dryRun, entry.action.writes, let target = entry.targetPath, let text = entry.text else { return entry }
        do {
            try fileSystem.write(Data(text.utf8), to: target)
            return entry
        } catch {
            var failed = entry
            failed.action = .failed(error.localizedDescription)
            report.failures.append(PortfolioError(.importer, "cannot write: \(error.localizedDescription)",
                                                  at: SourceLocation(path: target)))
            return failed
        }
    }
}
