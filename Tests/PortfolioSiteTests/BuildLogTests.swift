import Foundation
import PortfolioSite
import PortfolioTestSupport
import Testing

@Suite("Build log")
struct BuildLogTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }

    @Test func everyStepIsNumberedOnceInOrderAndTheStepsBesideThePagesSaySo() throws {
        let site = try TestSite()
        try site.article("a", title: "第一篇", extra: "tags: [行銷]")
        let lines = Lines()
        let options = BuildOptions(siteRoot: site.root, output: site.output, now: Date(timeIntervalSince1970: 1_700_000_000))
        try SiteBuilder.build(options, log: BuildLog(steps: SiteBuilder.stepCount) { lines.add($0) })
        let names = ["config", "content", "theme", "library", "pages", "search", "feeds", "write"]
        #expect(lines.all.count == SiteBuilder.stepCount)
        for (i, line) in lines.all.enumerated() {
            #expect(line.hasPrefix("[\(i + 1)/\(SiteBuilder.stepCount)] \(names[i]) "), "\(line)")
        }
        #expect(lines.all[5].hasSuffix("(alongside pages)"))
        #expect(lines.all[6].hasSuffix("(alongside pages)"))
        #expect(!lines.all[4].contains("alongside"))
    }
}
