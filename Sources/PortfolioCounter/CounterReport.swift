import PortfolioCore

/// The text of the counter's local commands.
public enum CounterReport {
    /// `id,recorded,imported` lines (CSV with a header), or a JSON object by id.
    public static func export(_ counts: [String: StoredCount], json: Bool) -> String {
        let ids = counts.keys.sorted()
        if json {
            let members = ids.map { id in
                "  \(Escape.jsonString(id)): {\"recorded\": \(counts[id]!.recorded), \"imported\": \(counts[id]!.imported.map(String.init) ?? "null")}"
            }
            return "{\n" + members.joined(separator: ",\n") + "\n}"
        }
        return (["id,recorded,imported"] + ids.map { id in
            "\(csvField(id)),\(counts[id]!.recorded),\(counts[id]!.imported.map(String.init) ?? "")"
        }).joined(separator: "\n")
    }

    /// The most viewed ids, one per line with its views.
    public static func top(_ views: [String: Int], limit: Int, days: Int) -> String {
        let ranked = views.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit)
        guard !ranked.isEmpty else { return "no views recorded in the last \(days) day(s)" }
        let width = String(ranked.first!.value).count
        return ranked.map { String(repeating: " ", count: width - String($0.value).count) + "\($0.value)  \($0.key)" }.joined(separator: "\n")
    }

    public static func stats(_ stats: StoreStats, store: String) -> String {
        """
        store:             \(store) (schema \(stats.schemaVersion))
        articles counted:  \(stats.ids)
        views recorded:    \(stats.recorded) (today, UTC: \(stats.recordedToday))
        imported counts:   \(stats.imported)
        """
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
