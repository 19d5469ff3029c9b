import Foundation
import PortfolioCore
import PortfolioSite
import PortfolioTestSupport
import Testing

/// Sites a careless or hostile user could make: each must build, or fail with errors that
/// name the file, and never hang, crash or lose the last output.
@Suite("Hostile input", .timeLimit(.minutes(1)))
struct HostileInputTests {
    /// A FIFO in `content/` is an error naming it; the build does not wait for a writer.
    @Test func aFIFOInContentIsAnError() throws {
        let site = try TestSite()
        try site.article("a", title: "利基市場")
        try site.build()
        let before = TestSite.snapshot(site.output)
        #expect(mkfifo(site.root.appendingPathComponent("content/posts/pipe.md").path, 0o644) == 0)
        let errors = site.buildErrors()
        #expect(errors.count == 1)
        #expect(errors.first?.location?.path == "content/posts/pipe.md")
        #expect(errors.first?.message.contains("not a regular file") == true)
        #expect(TestSite.snapshot(site.output) == before)
    }

    /// A linked folder inside `content/` is followed like a linked file; a link back up
    /// the tree is entered once, not forever.
    @Test func linkedFoldersAreFollowedOnce() throws {
        let site = try TestSite()
        let fm = FileManager.default
        let elsewhere = fm.temporaryDirectory.appendingPathComponent("posts-elsewhere-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: elsewhere) }
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("---\ntitle: 外面的文章\ndate: 2020-02-02 10:00:00\nslug: outside\n---\n\n正文。\n".utf8)
            .write(to: elsewhere.appendingPathComponent("outside.md"))
        try site.article("a", title: "利基市場", extra: "slug: a")
        try fm.createSymbolicLink(at: site.root.appendingPathComponent("content/linked"), withDestinationURL: elsewhere)
        try fm.createSymbolicLink(at: site.root.appendingPathComponent("content/posts/loop"),
                                  withDestinationURL: site.root.appendingPathComponent("content"))
        let report = try site.build()
        #expect(report.articles == 2)
        #expect(site.exists("posts/outside/index.html") && site.exists("posts/a/index.html"))
    }

    /// A count that no old blog ever had (or that would overflow a live count added to
    /// it) is a front matter error at its line.
    @Test func oversizedCountsAreErrors() throws {
        let site = try TestSite()
        try site.write("content/posts/a.md", "---\ntitle: 甲\ndate: 2020-01-01 10:00:00\nviews: 9223372036854775807\nreplies: 99999999999999999999\n---\n正文\n")
        let errors = site.buildErrors()
        #expect(errors.map { $0.location?.line } == [4, 5])
        #expect(errors.allSatisfy { $0.location?.path == "content/posts/a.md" && $0.message.contains("from 0 to") })
    }

    /// Two articles with one slug are reported at the line the slug comes from, in the
    /// same run as another file's error.
    @Test func duplicateSlugsAreReportedWithTheirLineAndOtherErrors() throws {
        let site = try TestSite()
        try site.write("content/posts/a.md", "---\ntitle: 甲\ndate: 2020-01-01 10:00:00\nslug: same\n---\n正文\n")
        try site.write("content/posts/b.md", "---\ntitle: 乙\ndate: 2020-01-02 10:00:00\ntags: [x]\nslug: same\n---\n正文\n")
        try site.write("content/posts/bad.md", "---\ntitle: 丙\n---\n正文\n")
        let errors = site.buildErrors()
        #expect(errors.contains { $0.location?.path == "content/posts/bad.md" })
        let duplicate = try #require(errors.first { $0.message.contains("slug `same`") })
        #expect(duplicate.location == SourceLocation(path: "content/posts/a.md", line: 4))
    }

    /// Every problem of `portfolio.yml` is reported in one run; base_url must be a web address.
    @Test func everyConfigErrorInOneRun() throws {
        let site = try TestSite(config: "title: 站\ntime_zone: Mars\npaginate: 0\nbase_url: javascript:alert(1)\n")
        try site.article("a", title: "甲")
        let errors = site.buildErrors()
        #expect(errors.map { $0.location?.line } == [2, 3, 4])
        #expect(errors.allSatisfy { $0.location?.path == "portfolio.yml" })
        #expect(errors.last?.message.contains("http") == true)
    }

    /// Text that is not UTF-8 is reported at the line it is on, not at line 1.
    @Test func notUTF8IsReportedAtItsLine() throws {
        let site = try TestSite()
        var bytes = Array("---\ntitle: 甲\ndate: 2020-01-01 10:00:00\n---\n第一行\n".utf8)
        bytes += [0xE7, 0x9A, 0x0A]
        try site.write("content/posts/a.md", "")
        try Data(bytes).write(to: site.root.appendingPathComponent("content/posts/a.md"))
        #expect(site.buildErrors().first?.location == SourceLocation(path: "content/posts/a.md", line: 6))
    }

    /// A control character in the front matter is reported at its own line.
    @Test func aControlCharacterIsReportedAtItsLine() throws {
        let site = try TestSite()
        let lines = ["---", "title: 甲", "date: 2020-01-01 10:00:00", "tags:", "  - a", "  - b", "summary: |", "  第一行", "  第二行",
                     "source: \"x\u{7}y\"", "---", "正文"]
        try site.write("content/posts/a.md", lines.joined(separator: "\n") + "\n")
        let error = try #require(site.buildErrors().first)
        #expect(error.location == SourceLocation(path: "content/posts/a.md", line: 10), "\(error)")
    }

    /// With its output going into a pipe, `portfolio build` writes each log line as its
    /// step ends, not all of them at exit: the first line arrives while the build runs.
    @Test func theLogIsWrittenAsStepsEnd() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("portfolio")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "needs the portfolio binary beside the tests")
        let site = try TestSite()
        for i in 0..<1500 { try site.article("p\(i)", title: "文章 \(i)", body: String(repeating: "市場區隔與定位。", count: 40)) }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["build", "--source", site.root.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var first = Data()
        while !first.contains(UInt8(ascii: "\n")) {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            first += chunk
        }
        let runningAtFirstLine = process.isRunning
        _ = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(String(decoding: first, as: UTF8.self).hasPrefix("[1/8] config"))
        #expect(runningAtFirstLine, "the first line came only when the build ended")
        #expect(process.terminationStatus == 0)
    }

    /// An alias may not take the place of a page, the feed, the marker or another alias,
    /// nor climb out of the site: each is an error at the `aliases:` line that names what
    /// it collides with, and the last output stays.
    @Test func aliasesCannotReplaceOtherOutputs() throws {
        let site = try TestSite()
        try site.article("stp", title: "STP", extra: "slug: stp")
        try site.build()
        let before = TestSite.snapshot(site.output)
        try site.write("content/posts/evil.md", """
            ---
            title: 壞別名
            date: 2020-02-02 10:00:00
            aliases: ["/index.html", "/posts/stp/", "/feed.xml", "/.portfolio-output", "/../../etc/x", "/old/", "/old/index.html"]
            ---
            正文
            """)
        let errors = site.buildErrors()
        #expect(errors.count == 6, "\(errors)")
        #expect(errors.allSatisfy { $0.location == SourceLocation(path: "content/posts/evil.md", line: 4) })
        let text = errors.map(\.message).joined(separator: "\n")
        for owner in ["the page /index.html", "the page /posts/stp/index.html", "/feed.xml", "`/.portfolio-output`", "`/../../etc/x`", "the alias `/old/`"] {
            #expect(text.contains(owner), "no error names \(owner)")
        }
        #expect(TestSite.snapshot(site.output) == before)
    }
}
