import Foundation
import PortfolioContent
import PortfolioCore

/// `portfolio deploy`'s library entry: one configured target, one published folder.
public enum Deployment {
    /// What the command line asked for.
    public struct Options: Sendable {
        /// Show what would change; change nothing.
        public var dryRun = false
        /// Delete past the limit (object storage), replace a diverged branch (git).
        public var force = false
        /// Overrides the target's `max_deletes`.
        public var maxDeletes: Int?

        public init(dryRun: Bool = false, force: Bool = false, maxDeletes: Int? = nil) {
            self.dryRun = dryRun
            self.force = force
            self.maxDeletes = maxDeletes
        }
    }

    /// Deploys `folder` (published from the site at `siteRoot`) to `target`; returns the
    /// summary line. An s3 target's store comes from `objectStore`, which the command
    /// provides (this module does not know the HTTP client).
    public static func run(_ target: DeployTarget, folder: URL, siteRoot: URL, options: Options, progress: DeployProgress,
                           objectStore: (S3Target) throws(PortfolioErrors) -> any ObjectStore) async throws(PortfolioErrors) -> String {
        switch target.kind {
        case .git(let git):
            var deployer = GitDeployer(name: target.name, target: git, siteRoot: siteRoot, folder: folder)
            deployer.force = options.force
            deployer.dryRun = options.dryRun
            return try await deployer.run(progress: progress).description
        case .s3(let s3):
            let root = SiteLinks(baseURL: try SiteConfig.load(siteRoot: siteRoot).baseURL).root
            let inventory = try LocalInventory(folder: folder, root: root)
            var deployer = ObjectStoreDeployer(store: try objectStore(s3), inventory: inventory)
            deployer.concurrency = s3.concurrency
            deployer.maxDeletes = options.maxDeletes ?? s3.maxDeletes
            deployer.force = options.force
            deployer.dryRun = options.dryRun
            return try await deployer.run(progress: progress).description
        }
    }
}
