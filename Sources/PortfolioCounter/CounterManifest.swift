import Foundation
import PortfolioCore

/// What the counter service knows of a published site: each article's id, the views it
/// brought from an old platform (its front matter `views`), and the ids it had before it
/// was renamed (taken from its `aliases`). `portfolio build` writes it as
/// `counter.json`; the service refuses every id it does not list, so no junk rows appear.
public struct CounterManifest: Sendable, Equatable {
    /// The file name inside the output folder.
    public static let fileName = "counter.json"
    static let format = "portfolio-counter 1"

    /// Article id → its baseline.
    public let baselines: [String: Int]
    /// Article id → the ids it had before (only articles that had any).
    public let oldIDs: [String: [String]]
    /// Old id → the article that has it now. An id that is some article's own id is never
    /// an old id of another.
    public let renamed: [String: String]
    /// The origin of the site's `base_url` (`https://example.com`), allowed by default.
    public let origin: String?

    /// A manifest; building it costs in proportion to the old ids, not the articles, so
    /// the preview can make one after every edit.
    public init(baselines: [String: Int], oldIDs: [String: [String]], origin: String?) {
        var renamed: [String: String] = [:]
        for id in oldIDs.keys.sorted() {
            for old in oldIDs[id]! where baselines[old] == nil && renamed[old] == nil { renamed[old] = id }
        }
        self.baselines = baselines
        self.oldIDs = oldIDs
        self.renamed = renamed
        self.origin = origin
    }

    /// The article an id names today: its own, or the one it was renamed to.
    public func canonical(_ id: String) -> String? {
        baselines[id] != nil ? id : renamed[id]
    }

    /// The id an alias path names: its last segment without `.html` (`/posts/old-slug/`
    /// gives `old-slug`), the slug an article had at that address.
    public static func oldID(fromAlias alias: String) -> String? {
        var last = alias.split(separator: "/").last.map(String.init) ?? ""
        if last.hasSuffix(".html") { last.removeLast(".html".count) }
        return last.isEmpty || last == "index" ? nil : last
    }
}
