import Foundation
import PortfolioCore
import Testing
@testable import PortfolioImport

@Suite("Bad input is an error at its file and line")
struct BadInputTests {
    func errors(_ text: String) -> [String] {
        errors(Data(text.utf8))
    }

    func errors(_ data: Data) -> [String] {
        do {
            _ = try EportfolioParser.parse(data: data, path: "page.txt")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test("bytes that are not UTF-8 (a Big5 page) name their line")
    func notUTF8() {
        var data = Data("知識社群ePortfolio登入\nby 林雅婷 2021-05-04 09:15:02, ".utf8)
        data.append(contentsOf: [0xA6, 0x5E, 0xC0, 0xB3])
        data.append(contentsOf: Array("(2), 人氣(431)\n".utf8))
        let found = errors(data)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("page.txt:2: import error: not UTF-8 text: invalid byte 0xA6 at byte 35") == true)
    }

    @Test("a page without header lines is refused at line 1")
    func noHeaders() {
        #expect(errors("知識社群ePortfolio登入\n位置: 林雅婷 > 品牌管理\n只是文字\n").first?
            .hasPrefix("page.txt:1: import error: no post header lines") == true)
        #expect(errors("").first?.hasPrefix("page.txt:1: import error: no post header lines") == true)
    }

    @Test("header lines whose date does not read are each reported", arguments: [
        "2021-13-04 09:15:02", "2021-02-30 09:15:02", "2021/05/04 09:15:02", "2021-05-04 25:00:00",
    ])
    func badDate(date: String) {
        let text = "位置: 林雅婷 > 品牌管理\nby 林雅婷 2021-05-04 09:15:02, 回應(0), 人氣(1)\n\n標題\nby 林雅婷 \(date), 回應(0), 人氣(1)\n"
        #expect(errors(text) == [
            "page.txt:5: import error: post header `by 林雅婷 \(date), 回應(0), 人氣(1)`: "
                + "cannot read the date `\(date)` (expected YYYY-MM-DD HH:MM:SS, Taiwan time)",
        ])
    }

    @Test("a bad file writes nothing, the other files still import, and the run fails")
    func otherFilesImport() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try folder.write("by 林雅婷 2021-05-04 09:15:02, 回應(0), 人氣(1)\n\n標題\n\n內容\nby 林雅婷 2021-99-04 09:15:02, 回應(0), 人氣(1)\n",
                         to: "bad.txt")
        try folder.write(Data([0x62, 0x79, 0x20, 0xFF, 0x0A]), to: "binary.txt")
        let report = runImport([folder.file("bad.txt"), Fixtures.path(Fixtures.lf), folder.file("binary.txt"), folder.file("missing.txt")],
                               into: folder)
        #expect(report.hasFailures)
        #expect(report.failedFiles == [folder.file("bad.txt"), folder.file("binary.txt"), folder.file("missing.txt")])
        #expect(report.failures.map(\.description).contains { $0.hasPrefix(folder.file("bad.txt") + ":6: import error:") })
        #expect(report.failures.map(\.description).contains { $0.hasPrefix(folder.file("binary.txt") + ":1: import error: not UTF-8") })
        #expect(try folder.snapshot("posts").count == 4)
        #expect(report.summary.hasSuffix("; 3 files failed."))
    }
}
