import Foundation
import PortfolioContent
import PortfolioCore

/// The `deploy:` section of `portfolio.yml`: its named targets. Read only by `deploy`,
/// so a mistake here never stops a build; every mistake is reported at its line at once.
public struct DeployConfig: Sendable, Equatable {
    /// The targets in file order.
    public var targets: [DeployTarget]

    /// Targets as given.
    public init(targets: [DeployTarget]) {
        self.targets = targets
    }

    /// Reads the `deploy:` section of `portfolio.yml` text.
    public init(yaml text: String, path: String) throws(PortfolioErrors) {
        let doc: YAMLDocument
        do throws(PortfolioError) { doc = try YAMLDocument(text, path: path, kind: .config) } catch { throw PortfolioErrors([error]) }
        var reader = DeployTargetReader(doc: doc)
        targets = reader.targets()
        if !reader.errors.isEmpty { throw PortfolioErrors(reader.errors) }
    }

    /// Reads `portfolio.yml` in a site folder; no file or no `deploy:` gives no targets.
    public static func load(siteRoot: URL) throws(PortfolioErrors) -> DeployConfig {
        let url = siteRoot.appendingPathComponent("portfolio.yml")
        guard FileManager.default.fileExists(atPath: url.path) else { return DeployConfig(targets: []) }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw PortfolioErrors([PortfolioError(.config, "cannot read: \(error.localizedDescription)", at: SourceLocation(path: "portfolio.yml"))])
        }
        return try DeployConfig(yaml: text, path: "portfolio.yml")
    }

    /// The target called `name`; without a name, the only target. Otherwise an error that
    /// lists the names there are.
    public func target(named name: String?) throws(PortfolioErrors) -> DeployTarget {
        let names = targets.map(\.name)
        guard !targets.isEmpty else {
            throw Self.usage("portfolio.yml has no deploy targets; add one under `deploy:`, e.g. "
                + "`deploy: { pages: { type: git, remote: \"git@github.com:me/me.github.io.git\" } }` (see README, Deploying)")
        }
        guard let name else {
            if targets.count == 1 { return targets[0] }
            throw Self.usage("name the target to deploy to: \(names.joined(separator: ", "))")
        }
        if let found = targets.first(where: { $0.name == name }) { return found }
        var message = "no deploy target `\(name)` in portfolio.yml"
        if let near = PortfolioWarning.nearest(name, in: names) { message += "; did you mean `\(near)`?" }
        throw Self.usage(message + " (targets: \(names.joined(separator: ", ")))")
    }

    static func usage(_ message: String) -> PortfolioErrors {
        PortfolioErrors([PortfolioError(.usage, message)])
    }
}
