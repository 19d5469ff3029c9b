import Foundation
import PortfolioCore
import PortfolioDeploy
import PortfolioPublish
import Testing

@Suite("object store deploy")
struct ObjectStoreDeployerTests {
    static func deploy(_ folder: PublishedFolder, to store: InMemoryObjectStore, configure: (inout ObjectStoreDeployer) -> Void = { _ in })
        async throws(PortfolioErrors) -> DeploySummary {
        var deployer = ObjectStoreDeployer(store: store, inventory: try LocalInventory(folder: folder.root, root: "/"))
        deployer.concurrency = 3
        configure(&deployer)
        return try await deployer.run(progress: DeployProgress(style: .lines) { _ in })
    }

    /// The first deploy uploads every object with its headers, the second nothing; one
    /// edited page uploads only that page; a removed page is deleted.
    @Test func uploadsOnlyWhatChanged() async throws {
        let folder = try PublishedFolder(), store = InMemoryObjectStore()
        let first = try await Self.deploy(folder, to: store)
        #expect(first.uploaded == 8 && first.unchanged == 0 && first.deleted == 0)
        let index = try #require(await store.objects["index.html"])
        #expect(index.contentEncoding == "gzip" && index.contentType == "text/html; charset=utf-8" && index.cacheControl == SecurityHeaders.revalidate)
        #expect(Gzip.decompress(index.body) == Array(try Data(contentsOf: folder.root.appendingPathComponent("index.html"))))
        #expect(await store.objects["assets/style.0123456789.css"]?.cacheControl == SecurityHeaders.immutable)
        #expect(await store.objects.keys.sorted() == (try LocalInventory(folder: folder.root, root: "/")).files.map(\.key))

        let second = try await Self.deploy(folder, to: store)
        let puts = await store.putCount
        #expect(second.uploaded == 0 && second.unchanged == 8 && puts == 8)

        try folder.page(2, "改過的第 2 篇")
        try folder.remove("posts/post-4/index.html")
        try folder.remove("posts/post-4/index.html.gz")
        try folder.remove("posts/post-4/index.html.br")
        let third = try await Self.deploy(folder, to: store)
        #expect(third.uploaded == 1 && third.unchanged == 6 && third.deleted == 1)
        #expect(await store.deletedKeys == ["posts/post-4/index.html"])
        #expect(third.description.hasPrefix("1 uploaded ("))
        #expect(third.description.contains("), 6 unchanged, 1 deleted in "))
    }

    /// More deletions than the limit are refused before anything changes; `force` or a
    /// higher limit lets them through.
    @Test func maxDeletesGuard() async throws {
        let folder = try PublishedFolder(), store = InMemoryObjectStore()
        _ = try await Self.deploy(folder, to: store)
        try folder.page(0, "改過的第 0 篇")
        for i in 1..<5 { for suffix in ["", ".gz", ".br"] { try folder.remove("posts/post-\(i)/index.html" + suffix) } }
        let before = await store.objects
        await #expect(throws: PortfolioErrors.self) { try await Self.deploy(folder, to: store) { $0.maxDeletes = 3 } }
        #expect(await store.objects == before)
        let done = try await Self.deploy(folder, to: store) { $0.maxDeletes = 3; $0.force = true }
        #expect(done.deleted == 4 && done.uploaded == 1)
        #expect(await store.objects.keys.sorted() == ["assets/style.0123456789.css", "images/圖.png", "index.html", "posts/post-0/index.html"])
    }

    /// A dry run reports the plan and changes nothing.
    @Test func dryRunChangesNothing() async throws {
        let folder = try PublishedFolder(), store = InMemoryObjectStore()
        await store.store("old.html", .init(body: [1], contentType: "text/html", cacheControl: "", contentEncoding: nil))
        let lines = LinesBox()
        var deployer = ObjectStoreDeployer(store: store, inventory: try LocalInventory(folder: folder.root, root: "/"))
        deployer.dryRun = true
        let summary = try await deployer.run(progress: DeployProgress(style: .lines) { lines.add($0) })
        #expect(summary.dryRun && summary.uploaded == 8 && summary.deleted == 1)
        let (puts, deleted, keys) = await (store.putCount, store.deletedKeys, store.objects.keys.sorted())
        #expect(puts == 0 && deleted.isEmpty && keys == ["old.html"])
        let text = lines.text
        #expect(text.contains("upload index.html (") && text.contains(", gzip)\n") && text.contains("delete old.html\n"))
    }

    /// A deploy that fails midway uploads some files and deletes nothing; run again, it
    /// uploads only the rest, then deletes.
    @Test func resumesAfterAFailureMidway() async throws {
        let folder = try PublishedFolder(), store = InMemoryObjectStore()
        await store.store("gone.html", .init(body: [1], contentType: "text/html", cacheControl: "", contentEncoding: nil))
        await store.failPuts(after: 3)
        await #expect(throws: PortfolioErrors.self) { try await Self.deploy(folder, to: store) }
        let (puts, count, deleted) = await (store.putCount, store.objects.count, store.deletedKeys)
        #expect(puts == 3 && count == 4 && deleted.isEmpty)
        await store.stopFailing()
        let again = try await Self.deploy(folder, to: store)
        #expect(again.uploaded == 5 && again.unchanged == 3 && again.deleted == 1)
        #expect(await store.objects.keys.sorted() == (try LocalInventory(folder: folder.root, root: "/")).files.map(\.key))
    }

    /// No more uploads run at once than the bound.
    @Test func uploadsStayWithinTheBound() async throws {
        let folder = try PublishedFolder(), store = CountingStore()
        var deployer = ObjectStoreDeployer(store: store, inventory: try LocalInventory(folder: folder.root, root: "/"))
        deployer.concurrency = 2
        _ = try await deployer.run(progress: DeployProgress(style: .lines) { _ in })
        let (most, puts) = await (store.most, store.puts)
        #expect(most == 2 && puts == 8)
    }
}

/// Lines a progress wrote, gathered from its actor.
final class LinesBox: @unchecked Sendable {
    private let lock = NSLock()
    private var lines = ""
    func add(_ text: String) { lock.withLock { lines += text } }
    var text: String { lock.withLock { lines } }
}

/// A store that counts how many uploads are in flight at once; each upload waits for a
/// moment of other tasks' work so that uploads overlap.
actor CountingStore: ObjectStore {
    var running = 0, most = 0, puts = 0
    func list() async throws -> [RemoteObject] { [] }
    func put(_ upload: ObjectUpload) async throws {
        running += 1
        most = max(most, running)
        for _ in 0..<20 { await Task.yield() }
        running -= 1
        puts += 1
    }
    func delete(_ keys: [String]) async throws {}
}
