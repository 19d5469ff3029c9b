import Foundation
import PortfolioCore

/// Views kept in a JSON file (`{"id": count}`), so they survive a restart. Every
/// increment is written through (to a temporary file flushed to disk, then renamed over
/// the old one), so neither a crash nor a power loss loses a count already answered.
public actor FileViewCountStore: ViewCountStore {
    public let file: URL
    private var views: [String: Int]

    /// Opens the store, reading the file when it exists. A file that is not a JSON object of
    /// whole numbers is an error, never silently emptied.
    public init(file: URL) throws(PortfolioError) {
        self.file = file
        self.views = try Self.read(file)
    }

    public func increment(_ id: String) throws -> Int {
        views[id] = views[id, default: 0].saturatingAdding(1)
        try save()
        return views[id]!
    }

    public func counts(_ ids: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        for id in ids { result[id] = views[id] ?? 0 }
        return result
    }

    private func save() throws(PortfolioError) {
        var text = "{\n"
        text += views.keys.sorted().map { "  \(Escape.jsonString($0)): \(views[$0]!)" }.joined(separator: ",\n")
        text += "\n}\n"
        try Self.replace(file, with: Array(text.utf8))
    }

    static func read(_ file: URL) throws(PortfolioError) -> [String: Int] {
        guard let data = FileManager.default.contents(atPath: file.path) else { return [:] }
        let at = SourceLocation(path: file.path, line: 1)
        guard let object = try? JSONSerialization.jsonObject(with: data), let map = object as? [String: Any] else {
            throw PortfolioError(.io, "the view counts file is not a JSON object; fix or remove it", at: at)
        }
        var views: [String: Int] = [:]
        for (id, value) in map {
            guard let number = value as? NSNumber, let count = wholeNumber(number), count >= 0 else {
                throw PortfolioError(.io, "the count of `\(id)` is not a whole number", at: at)
            }
            views[id] = count
        }
        return views
    }

    /// The integer a JSON number holds exactly, also beyond the 53 bits of a `Double` (a count
    /// that reached `Int.max` must read back as it was saved).
    static func wholeNumber(_ number: NSNumber) -> Int? {
        if let exact = number as? Int { return exact }
        return Int(exactly: number.doubleValue)
    }
}
