import Foundation
import PortfolioCore
import PortfolioCounter

/// The preview's counts kept in a JSON file (`{"id": count}`), so they survive a restart.
/// Every batch of views is written through (to a temporary file flushed to disk, then
/// renamed over the old one), so neither a crash nor a power loss loses a count already
/// answered. Which visitor saw what, the salts and the views per day stay in memory.
public actor FileViewCountStore: CounterStore {
    public let file: URL
    private var book: CountBook

    /// Opens the store, reading the file when it exists. A file that is not a JSON object of
    /// whole numbers is an error, never silently emptied.
    public init(file: URL) throws(PortfolioError) {
        self.file = file
        self.book = CountBook(recorded: try Self.read(file))
    }

    public func record(_ views: [RecordedView]) throws -> [RecordOutcome] {
        let outcomes = book.record(views)
        if outcomes.contains(where: \.counted) { try save() }
        return outcomes
    }

    public func counts(_ ids: [String]) -> [String: StoredCount] { book.counts(ids) }
    public func all() -> [String: StoredCount] { book.counts }
    public func setImported(_ counts: [String: Int]) -> Int { book.setImported(counts) }
    public func recorded(sinceDay day: Int) -> [String: Int] { book.recorded(sinceDay: day) }
    public func salt(forDay day: Int) -> [UInt8] { book.salt(forDay: day) }
    public func forgetVisitors(before time: Int) { book.forgetVisitors(before: time) }
    public func stats(today: Int) -> StoreStats { book.stats(today: today, schemaVersion: 0) }
    public func close() {}

    private func save() throws(PortfolioError) {
        let views = book.counts
        var text = "{\n"
        text += views.keys.sorted().map { "  \(Escape.jsonString($0)): \(views[$0]!.recorded)" }.joined(separator: ",\n")
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
