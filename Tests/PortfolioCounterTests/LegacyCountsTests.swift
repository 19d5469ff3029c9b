import Foundation
import PortfolioCore
import PortfolioCounter
import Testing

/// Importing counts from other counters' exports.
@Suite struct LegacyCountsTests {
    func file(_ text: String, _ ext: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("legacy-\(UUID().uuidString).\(ext)")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func readsCSVWithOrWithoutAHeader() throws {
        let csv = try file("id,views\nstp,907\n\"社群電商\",12\nhttps://old.example.com/posts/c2m/?from=x,33\n", "csv")
        #expect(try LegacyCounts.read(csv) == ["stp": 907, "社群電商": 12, "c2m": 33])
    }

    @Test func readsLeanCloudAndBusuanziStyleJSON() throws {
        let lean = try file(#"[{"url": "/posts/stp/", "time": 907}, {"slug": "c2m", "views": 3}]"#, "json")
        #expect(try LegacyCounts.read(lean) == ["stp": 907, "c2m": 3])
        let map = try file(#"{"stp": 907, "%E7%A4%BE%E7%BE%A4": 4}"#, "json")
        #expect(try LegacyCounts.read(map) == ["stp": 907, "社群": 4])
    }

    @Test func reportsEveryBadLineAtOnce() throws {
        let csv = try file("stp,907\nc2m,lots\nsocial,-1\nok,1\n", "csv")
        let thrown = #expect(throws: PortfolioErrors.self) { _ = try LegacyCounts.read(csv) }
        let errors = try #require(thrown).errors
        #expect(errors.map { $0.location?.line } == [2, 3])
        #expect(errors.allSatisfy { $0.location?.path == csv.path })
    }
}
