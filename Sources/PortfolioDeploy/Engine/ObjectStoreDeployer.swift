import Dispatch
import PortfolioCore

/// Deploys a published folder to an `ObjectStore`: one listing, a plan, the uploads in
/// parallel up to a fixed width, and the deletions last, so that no page ever links to
/// an object already deleted. A run that fails stops before deleting anything; running
/// it again recomputes the plan from a new listing and finishes the rest.
public struct ObjectStoreDeployer: Sendable {
    /// The bucket, seen through the target's prefix.
    public let store: any ObjectStore
    /// What the published folder holds.
    public let inventory: LocalInventory
    /// How many uploads run at once.
    public var concurrency = 8
    /// The most deletions made without `force`.
    public var maxDeletes = 256
    /// Delete more than `maxDeletes`.
    public var force = false
    /// Show the plan and change nothing.
    public var dryRun = false

    /// A deployer of `inventory` to `store`, with the default settings.
    public init(store: any ObjectStore, inventory: LocalInventory) {
        self.store = store
        self.inventory = inventory
    }

    /// Lists, plans, uploads and deletes; returns what it did.
    public func run(progress: DeployProgress) async throws(PortfolioErrors) -> DeploySummary {
        let start = DispatchTime.now().uptimeNanoseconds
        let plan: DeployPlan
        do { plan = DeployPlan(local: inventory.files, remote: try await store.list()) } catch {
            throw Self.failure("cannot list the objects already there: \(error)")
        }
        func summary(uploaded: Int, deleted: Int) -> DeploySummary {
            DeploySummary(uploaded: uploaded, uploadedBytes: plan.uploadBytes, unchanged: plan.unchanged, deleted: deleted,
                          seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, dryRun: dryRun)
        }
        if dryRun {
            for line in plan.lines { await progress.say(line) }
            return summary(uploaded: plan.uploads.count, deleted: plan.deletes.count)
        }
        if plan.deletes.count > maxDeletes, !force {
            throw Self.failure("this deploy would delete \(plan.deletes.count) objects, more than the limit of \(maxDeletes) "
                + "(is the folder or the prefix right? `--dry-run` lists them); nothing was changed. "
                + "Run it with --force, or --max-deletes \(plan.deletes.count), to delete them")
        }
        try await upload(plan.uploads, progress: progress)
        if !plan.deletes.isEmpty {
            do { try await store.delete(plan.deletes) } catch {
                throw Self.failure("every file was uploaded, but deleting \(plan.deletes.count) old objects failed: \(error); run the deploy again")
            }
        }
        return summary(uploaded: plan.uploads.count, deleted: plan.deletes.count)
    }

    /// The uploads, at most `concurrency` at once; the first failure stops the rest.
    func upload(_ files: [LocalFile], progress: DeployProgress) async throws(PortfolioErrors) {
        await progress.start(uploads: files.count, bytes: files.reduce(0) { $0 + $1.size })
        let width = max(1, concurrency)
        var finished = 0
        do {
            try await withThrowingTaskGroup(of: Int.self) { group in
                var next = 0
                func add() {
                    let file = files[next], store = self.store, inventory = self.inventory
                    next += 1
                    group.addTask {
                        try await store.put(try inventory.upload(file))
                        return file.size
                    }
                }
                while next < min(width, files.count) { add() }
                while let size = try await group.next() {
                    finished += 1
                    await progress.uploaded(size: size)
                    if next < files.count { add() }
                }
            }
        } catch {
            await progress.endLine()
            throw Self.failure("the deploy stopped after \(finished) of \(files.count) uploads: \(Self.describe(error)); "
                + "nothing was deleted. Run the same deploy again to upload the rest")
        }
        await progress.endLine()
    }

    static func describe(_ error: any Error) -> String {
        if let errors = error as? PortfolioErrors { return errors.description }
        return "\(error)"
    }

    static func failure(_ message: String) -> PortfolioErrors {
        PortfolioErrors([PortfolioError(.deploy, message)])
    }
}
