import Foundation
import PortfolioCore
import PortfolioSite
import Testing

/// A small site in a temporary folder: config, articles with shared tags, categories,
/// authors and dates across months, so that an edit ripples through lists, neighbours,
/// related articles and archives.
public struct FixtureSite: Sendable {
    public let root: URL
    public static let baseURL = "http://127.0.0.1:4000/"
    /// "Now" for every build of a fixture (articles after it are left out).
    public static let now = ISO8601DateFormatter().date(from: "2024-06-01T00:00:00Z")!
    public static let tags = ["社群", "市場區隔", "STP", "C2M", "利基市場", "行銷"]
    public static let categories = ["行銷策略", "電子商務", "品牌"]

    public init(articles count: Int = 24) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("portfolio-serve-\(UUID().uuidString)")
        try write("portfolio.yml", """
            title: 測試作品集
            author: 行銷筆記室
            base_url: https://example.org/
            paginate: 3
            related_count: 3
            popular_count: 3
            counter:
              endpoint: ""
            """)
        for i in 0..<count { try write(Self.postPath(i), Self.article(i)) }
        try write("static/files/說明.txt", "靜態檔案\n")
    }

    public static func postPath(_ i: Int) -> String { "content/posts/post-\(i).md" }

    /// Article `i`: dates spread over two years (some share a day), two or three tags.
    public static func article(_ i: Int, title: String? = nil, tags: [String]? = nil, date: String? = nil, views: Int? = nil,
                        body: String? = nil, extra: String = "") -> String {
        let month = 1 + (i * 5) % 12, day = 1 + (i * 7) % 27
        let shownDate = date ?? "\(2022 + i % 3)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day) 10:00:00"
        let chosen = tags ?? [Self.tags[i % 6], Self.tags[(i * 2 + 1) % 6]] + (i % 4 == 0 ? [Self.tags[(i + 3) % 6]] : [])
        return """
            ---
            title: "\(title ?? "第 \(i) 篇:社群與市場區隔")"
            date: \(shownDate)
            author: \(i % 3 == 0 ? "王曉華" : "行銷筆記室")
            categories: [\(Self.categories[i % 3])]
            tags: [\(chosen.joined(separator: ", "))]
            views: \(views ?? (i * 37) % 500)
            replies: \(i % 5)
            \(extra)
            ---

            \(body ?? "第 \(i) 篇的第一段,談社群經營與利基市場。")

            ## 小結

            這是第 \(i) 篇的結尾。
            """
    }

    public func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    public func write(_ path: String, _ text: String) throws {
        let url = url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: url(path))
    }

    public func move(_ from: String, to: String) throws {
        try FileManager.default.moveItem(at: url(from), to: url(to))
    }

    /// Build options for an output folder below the fixture.
    public func options(output: String) -> BuildOptions {
        BuildOptions(siteRoot: root, output: url(output), baseURL: Self.baseURL, now: Self.now)
    }

    /// A full build (the reference) into a fresh folder; returns its files.
    public func fullBuild() throws -> [String: [UInt8]] {
        let output = url(".reference")
        try? FileManager.default.removeItem(at: output)
        try SiteBuilder.build(options(output: ".reference"), log: BuildLog(steps: SiteBuilder.stepCount) { _ in })
        return Self.files(in: output)
    }

    /// Every file below `folder` (hidden ones too), relative path → bytes.
    public static func files(in folder: URL) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? [] {
            var isFolder: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                files[name] = Array(FileManager.default.contents(atPath: path) ?? Data())
            }
        }
        return files
    }

    /// Folders below `folder` that hold nothing (a full build never leaves one).
    public static func emptyFolders(in folder: URL) -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []).filter { name in
            let contents = try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(name).path)
            return contents?.isEmpty == true
        }
    }

    public func delete() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// The paths whose bytes differ between two trees (missing on either side included).
public func differences(_ a: [String: [UInt8]], _ b: [String: [UInt8]]) -> [String] {
    Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
}

/// Waits until `condition` holds or `seconds` pass; true when it held. The deadline is
/// generous because tests run in parallel on a shared machine; a passing check returns at once.
public func eventually(within seconds: Double = 60, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return try await condition()
}
