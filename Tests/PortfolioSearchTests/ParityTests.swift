import Foundation
@testable import PortfolioSearch
import Testing

/// The browser's search script (`templates/search.js`, run by Node over a fake page) and
/// the Swift twin of its query engine give the same results for the same index: the same
/// count and the same first page, in the same order.
@Suite("Search parity: browser script and Swift twin")
struct ParityTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static let documents: [SearchDocument] = [
        Fixtures.doc("stp", title: "STP 理論:市場區隔、目標市場與定位", body: "市場區隔是行銷的第一步。", tags: ["STP", "市場區隔"], timestamp: 10, views: 40),
        Fixtures.doc("segment", title: "市場區隔的五種方法", body: "區隔變數:地理、人口、心理、行為。", tags: ["市場區隔"], timestamp: 9, views: 5),
        Fixtures.doc("c2m", title: "C2M 反向訂製", body: "C2M 讓消費者直連工廠,S2b2c 是另一種模式。", tags: ["C2M"], timestamp: 8, views: 90),
        Fixtures.doc("s2b2c", title: "S2b2c 與社群電商", body: "供應鏈賦能小 B,服務 C 端。", tags: ["社群電商"], timestamp: 7),
        Fixtures.doc("hans", title: "营销渠道的选择", body: "简体写的营销文章,谈渠道与社群。", tags: ["营销"], timestamp: 6, views: 12),
        Fixtures.doc("hant", title: "行銷通路的選擇", body: "繁體寫的行銷文章,談通路。", tags: ["行銷"], timestamp: 5, views: 7),
        Fixtures.doc("niche", title: "利基市場的機會", body: "利基行銷找小而美的市場區隔。", tags: ["利基市場"], timestamp: 4, views: 3),
        Fixtures.doc("community", title: "社群團購與私域流量", body: "私域流量的經營,社群團購的行銷。", tags: ["社群", "私域流量"], timestamp: 3, views: 60),
        Fixtures.doc("english", title: "Positioning in a crowded market", body: "Segmentation, targeting and positioning (STP) in English.", tags: ["STP"], timestamp: 2),
        Fixtures.doc("evil", title: "<script>alert(1)</script> 行銷", body: "一篇標題有標記的文章。", timestamp: 1),
    ] + (0..<14).map { i in
        Fixtures.doc("extra-\(i)", title: "行銷筆記 \(i)", body: "第 \(i) 篇談市場區隔與通路的筆記。", timestamp: -i, views: i)
    }

    static let queries = ["市場區隔", "場區", "行銷", "营销", "渠道", "通路", "c2m", "S2B2C", "ＳＴＰ", "stp 市場", "私域流量", "利",
                          "positioning", "script", "不存在的詞",
                          "市場 通路", "c2m 團購", "社群團構", "行銷 营销", "利基市常"]

    @Test(.enabled(if: node != nil, "needs Node (scripts/setup --test installs it)"))
    func browserAndTwinAgree() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("parity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let files = SearchIndexBuilder.build(Self.documents, options: SearchOptions(synonyms: Fixtures.defaultSynonyms))
        for (path, bytes) in files {
            let url = site.appendingPathComponent("search/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        try Data(Self.searchPage.utf8).write(to: site.appendingPathComponent("search/index.html"))
        let browser = try Self.runScript(site: site, queries: Self.queries)
        let twin = try SearchQuery(files: files)
        for q in Self.queries {
            let expected = twin.search(q)
            let got = try #require(browser[q], "no answer for \(q)")
            #expect(got.total == expected.total, "\(q): count")
            #expect(got.ids == expected.hits.prefix(10).map(\.id), "\(q): first page")
            #expect(got.full == expected.full, "\(q): results with every word")
            #expect(got.suggestions == expected.suggestions, "\(q): suggestions")
        }
        #expect(browser["市場區隔"]?.total ?? 0 > 10, "the fixture should give a query more than one page")
        #expect(browser["社群團構"]?.suggestions.isEmpty == false, "a near miss should get a suggestion")
        #expect(browser["c2m 團購"].map { $0.full < $0.total } == true, "a query with partial results")
    }

    /// The search block of the theme's search page, as `templates/search.mustache` renders it.
    static let searchPage = """
        <div id="search" data-root="/">
        <form id="search-form" role="search" action="" method="get">
        <input id="search-input" type="search" name="q" autocomplete="off">
        <select id="search-sort" name="sort"><option value="relevance">相關度</option><option value="date">日期</option><option value="views">人氣</option></select>
        </form>
        <div id="search-filters"></div>
        <p id="search-status" aria-live="polite"></p>
        <ol id="search-results"></ol>
        </div>
        """

    struct Answer: Decodable {
        var total: Int
        var full: Int
        var ids: [String]
        var suggestions: [String]
    }

    static func runScript(site: URL, queries: [String]) throws -> [String: Answer] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node!)
        process.arguments = [repoRoot.appendingPathComponent("Tests/js/query-cli.mjs").path, site.path,
                             repoRoot.appendingPathComponent("templates/search.js").path] + queries
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONDecoder().decode([String: Answer].self, from: data)
    }
}
