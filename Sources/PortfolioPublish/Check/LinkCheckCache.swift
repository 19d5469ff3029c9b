import Foundation

/// `.portfolio/linkcheck.json`: the last answer of each external address and when it came.
enum LinkCheckCache {
    struct Result: Codable, Sendable {
        /// The HTTP status, 0 when there was no answer.
        var status: Int
        var error: String?
        var checked: Date

        var ok: Bool { error == nil && (200..<400).contains(status) }
        var problem: String { error ?? "answers \(status)" }
    }

    private struct File: Codable {
        var version = 1
        var links: [String: Result]
    }

    static func load(_ url: URL) -> [String: Result] {
        guard let data = try? Data(contentsOf: url) else { return [:] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (try? decoder.decode(File.self, from: data))?.links ?? [:]
    }

    /// Writes the cache through a temporary file and a rename.
    static func save(_ links: [String: Result], to url: URL) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(File(links: links)) else { return }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.appendingPathExtension("tmp-\(getpid())")
        if (try? data.write(to: temporary)) != nil { _ = rename(temporary.path, url.path) }
    }
}
