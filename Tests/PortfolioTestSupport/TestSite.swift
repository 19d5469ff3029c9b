import Foundation
import PortfolioCore
import PortfolioSite

/// A site in a fresh temporary folder, for whole-site tests.
public struct TestSite: Sendable {
    public let root: URL
    public var output: URL { root.appendingPathComponent("public") }

    public init(config: String = "title: 測試站\nauthor: 測試者\nbase_url: https://example.org/\npaginate: 2\n") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("portfolio-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("portfolio.yml", config)
    }

    public func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func article(_ name: String, title: String, date: String = "2020-01-01 10:00:00", extra: String = "", body: String = "正文。") throws {
        try write("content/posts/\(name).md", "---\ntitle: \(Escape.jsonString(title))\ndate: \(date)\n\(extra)\n---\n\n\(body)\n")
    }

    @discardableResult
    public func build(drafts: Bool = false, future: Bool = false, output: URL? = nil,
               now: Date = Date(timeIntervalSince1970: 1_700_000_000)) throws -> BuildReport {
        let options = BuildOptions(siteRoot: root, output: output ?? self.output, drafts: drafts, future: future, now: now)
        return try SiteBuilder.build(options, log: BuildLog(steps: SiteBuilder.stepCount) { _ in })
    }

    public func buildErrors() -> [PortfolioError] {
        do {
            try build()
            return []
        } catch let error as PortfolioErrors {
            return error.errors
        } catch {
            return [PortfolioError(.io, "\(error)")]
        }
    }

    public func read(_ path: String, in folder: URL? = nil) -> String? {
        let url = (folder ?? output).appendingPathComponent(path)
        return (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every file below a folder with its bytes.
    public static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        for name in names {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[name] = try? Data(contentsOf: url)
            }
        }
        return files
    }
}
