import Foundation
import PortfolioCore
import PortfolioSite
import PortfolioTestSupport
import Testing

/// The output folder's neighbours: snapshots that share its files, and a disk that fills up.
@Suite("Output hazards", .timeLimit(.minutes(2)))
struct OutputHazardTests {
    /// A snapshot made with `cp -al` shares the output's files; later builds (which reuse
    /// the output before last as their staging folder) leave its bytes alone.
    @Test func hardLinkedSnapshotsStayAsTheyWere() throws {
        let site = try TestSite()
        try site.article("a", title: "甲", extra: "slug: a")
        try site.build()
        let snapshot = site.root.appendingPathComponent("snap")
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = ["-al", site.output.path, snapshot.path]
        try copy.run()
        copy.waitUntilExit()
        let before = TestSite.snapshot(snapshot)
        #expect(before["posts/a/index.html"] != nil)
        for body in ["第二版。", "第三版。", "第四版。"] {
            try site.article("a", title: "甲", extra: "slug: a", body: body)
            try site.build()
        }
        #expect(site.read("posts/a/index.html")?.contains("第四版。") == true)
        #expect(TestSite.snapshot(snapshot) == before)
    }

    /// A build that runs out of disk says so, keeps the last output, and leaves nothing
    /// behind that makes the next build fail once there is room again.
    @Test(.enabled(if: getuid() == 0, "mounts a small tmpfs, which needs root"))
    func aFullDiskFailsOnceAndThenBuildsAgain() throws {
        let site = try TestSite()
        for i in 0..<40 { try site.article("p\(i)", title: "文章 \(i)", extra: "slug: p\(i)", body: String(repeating: "市場區隔與定位。", count: 200)) }
        let disk = FileManager.default.temporaryDirectory.appendingPathComponent("small-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        guard Self.run("/bin/mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", disk.path) else {
            Issue.record("cannot mount a tmpfs here")
            return
        }
        defer { _ = Self.run("/bin/umount", disk.path) }
        let output = disk.appendingPathComponent("public")
        try site.build(output: output)
        let before = TestSite.snapshot(output)
        // Fill the disk to within a little of full: room for the staging folder, not for the site.
        var space = statvfs()
        #expect(statvfs(disk.path, &space) == 0)
        let free = Int(space.f_bavail) * Int(space.f_frsize)
        let filler = disk.appendingPathComponent("filler")
        try Data(count: max(0, free - 96 * 1024)).write(to: filler)
        let errors = Self.errors { try site.build(output: output) }
        #expect(!errors.isEmpty)
        #expect(errors.contains { $0.message.contains("the disk is full") }, "\(errors.prefix(3))")
        #expect(errors.count <= 11)
        #expect(TestSite.snapshot(output) == before)
        try FileManager.default.removeItem(at: filler)
        try site.article("p0", title: "文章 0", extra: "slug: p0", body: "改過。")
        try site.build(output: output)
        #expect(String(decoding: try Data(contentsOf: output.appendingPathComponent("posts/p0/index.html")), as: UTF8.self).contains("改過。"))
    }

    static func errors(_ body: () throws -> Void) -> [PortfolioError] {
        do { try body(); return [] } catch let error as PortfolioErrors { return error.errors } catch { return [PortfolioError(.io, "\(error)")] }
    }

    static func run(_ tool: String, _ arguments: String...) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
