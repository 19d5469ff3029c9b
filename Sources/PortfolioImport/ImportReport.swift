import PortfolioCore

/// The outcome of an import run: one entry per post found, and the files that failed.
public struct ImportReport: Sendable {
    /// Whether the run was a dry run (nothing written).
    public var dryRun: Bool
    /// How many input files were given.
    public var filesGiven = 0
    /// Every post found in the files that parsed, in order.
    public var entries: [ImportEntry] = []
    /// The input files that did not import (unreadable, not UTF-8, bad header lines).
    public var failedFiles: [String] = []
    /// Problems with whole files (unreadable, not UTF-8, bad header lines) and failed writes.
    public var failures: [PortfolioError] = []

    /// An empty report.
    public init(dryRun: Bool) {
        self.dryRun = dryRun
    }

    /// Whether any file failed; the command then exits non-zero.
    public var hasFailures: Bool { !failures.isEmpty }

    /// How many entries have `action`.
    public func count(_ action: ImportAction) -> Int {
        entries.filter { $0.action == action }.count
    }

    /// How many posts failed to be written.
    public var writeFailures: Int {
        entries.filter { if case .failed = $0.action { true } else { false } }.count
    }

    /// One line per post, in order.
    public var lines: [String] { entries.map { $0.describe(dryRun: dryRun) } }

    /// E.g. `Summary: 5 posts found in 1 file: 4 written, 0 unchanged, 1 skipped (1 empty).`
    public var summary: String {
        let written = count(.create) + count(.overwrite)
        let skipped = count(.skipEmpty) + count(.conflict)
        var reasons: [String] = []
        if count(.skipEmpty) > 0 { reasons.append("\(count(.skipEmpty)) empty") }
        if count(.conflict) > 0 { reasons.append("\(count(.conflict)) changed by hand, kept") }
        var text = dryRun ? "Summary (dry run, nothing written): " : "Summary: "
        text += "\(plural(entries.count, "post")) found in \(plural(filesGiven, "file")): "
        text += "\(written) \(dryRun ? "to write" : "written"), \(count(.unchanged)) unchanged, \(skipped) skipped"
        if !reasons.isEmpty { text += " (" + reasons.joined(separator: ", ") + ")" }
        if writeFailures > 0 { text += ", \(writeFailures) failed to write" }
        if !failedFiles.isEmpty { text += "; \(plural(failedFiles.count, "file")) failed" }
        return text + "."
    }

    private func plural(_ n: Int, _ word: String) -> String {
        "\(n) \(word)\(n == 1 ? "" : "s")"
    }
}
