import Foundation
import PortfolioCore

extension CounterManifest {
    /// One article of a manifest file.
    public struct Entry: Sendable {
        public var id: String
        public var views: Int
        public var oldIDs: [String]

        public init(id: String, views: Int, oldIDs: [String]) {
            self.id = id
            self.views = views
            self.oldIDs = oldIDs
        }
    }

    /// The manifest file for `entries`, one article per line in the order given (the
    /// library's, so the same site gives the same bytes).
    public static func json(_ entries: [Entry], origin: String?) -> [UInt8] {
        var out = Array("{\"format\":\(Escape.jsonString(format)),\"origin\":\(origin.map(Escape.jsonString) ?? "null"),\"articles\":[".utf8)
        out.reserveCapacity(entries.count * 64)
        for (index, entry) in entries.enumerated() {
            out.append(contentsOf: (index == 0 ? "\n" : ",\n").utf8)
            out.append(contentsOf: "{\"id\":\(Escape.jsonString(entry.id)),\"views\":\(entry.views),\"aliases\":[".utf8)
            out.append(contentsOf: entry.oldIDs.map(Escape.jsonString).joined(separator: ",").utf8)
            out.append(contentsOf: "]}".utf8)
        }
        out.append(contentsOf: "\n]}\n".utf8)
        return out
    }

    /// Reads a manifest that `portfolio build` wrote; anything else is an error naming the file.
    public static func read(_ file: URL) throws(PortfolioError) -> CounterManifest {
        let at = SourceLocation(path: file.path, line: 1)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw PortfolioError(.counter, "cannot read the site's counter manifest; build the site first (portfolio build)", at: at)
        }
        return try parse(data, at: at)
    }

    /// Reads a manifest's bytes.
    public static func parse(_ data: Data, at: SourceLocation) throws(PortfolioError) -> CounterManifest {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["format"] as? String == format, let list = object["articles"] as? [[String: Any]] else {
            throw PortfolioError(.counter, "not a counter manifest of this version of portfolio; build the site again", at: at)
        }
        var baselines: [String: Int] = [:]
        var oldIDs: [String: [String]] = [:]
        for (index, entry) in list.enumerated() {
            guard let id = entry["id"] as? String, !id.isEmpty,
                  let views = (entry["views"] as? NSNumber).flatMap({ Int(exactly: $0.doubleValue) }), views >= 0 else {
                let line = SourceLocation(path: at.path, line: index + 2)
                throw PortfolioError(.counter, "article \(index + 1) of the manifest has no id or no whole `views`", at: line)
            }
            baselines[id] = views
            if let old = entry["aliases"] as? [String], !old.isEmpty { oldIDs[id] = old }
        }
        return CounterManifest(baselines: baselines, oldIDs: oldIDs, origin: object["origin"] as? String)
    }
}
