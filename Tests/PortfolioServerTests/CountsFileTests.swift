import Foundation
@testable import PortfolioServer
import Testing

/// The counts file is replaced whole on every write (a temporary file flushed to disk,
/// renamed over it, the folder flushed): after any write it is complete and valid.
@Suite struct CountsFileTests {
    @Test func theFileIsCompleteAfterEveryWriteAndNothingIsLeftBeside() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("views-\(UUID().uuidString)/state")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("views.json")
        let store = try FileViewCountStore(file: file)
        let ids = ["社群", "stp", "a\"b", "c2m"]
        for round in 1...5 {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<40 { group.addTask { _ = try await store.increment(ids[i % ids.count]) } }
                try await group.waitForAll()
            }
            let saved = try FileViewCountStore.read(file)
            #expect(saved == Dictionary(uniqueKeysWithValues: ids.map { ($0, round * 10) }))
            #expect(try String(contentsOf: file, encoding: .utf8).hasSuffix("}\n"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["views.json"])
        #expect(try await FileViewCountStore(file: file).recordedCounts(ids) == Dictionary(uniqueKeysWithValues: ids.map { ($0, 50) }))
    }

    @Test func aFolderThatCannotBeWrittenIsAnErrorNotACrash() async throws {
        let file = URL(fileURLWithPath: "/proc/no-such-folder/views.json")
        let store = try FileViewCountStore(file: file)
        await #expect(throws: (any Error).self) { try await store.increment("stp") }
    }
}
