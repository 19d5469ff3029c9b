import Foundation
import PortfolioCore

/// Tells crawlers, link previewers, monitors and scripts from readers by their
/// User-Agent: a view whose User-Agent contains any of the patterns (ignoring case), or
/// that has none, is answered but not counted.
public struct BotFilter: Sendable {
    public let patterns: [String]

    public init(patterns: [String]) {
        self.patterns = patterns.map { $0.lowercased() }.filter { !$0.isEmpty }
    }

    /// The built-in list.
    public static let standard = BotFilter(patterns: parse(BotPatterns.standard))

    /// Reads a list file: one pattern per line; blank lines and `#` comments are skipped.
    public static func read(_ file: URL) throws(PortfolioError) -> BotFilter {
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw PortfolioError(.counter, "cannot read the list of bot User-Agents", at: SourceLocation(path: file.path, line: 1))
        }
        return BotFilter(patterns: parse(text))
    }

    static func parse(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Whether the User-Agent is a bot's.
    public func isBot(_ userAgent: String?) -> Bool {
        guard let userAgent, !userAgent.isEmpty else { return true }
        let lowered = userAgent.lowercased()
        return patterns.contains { lowered.contains($0) }
    }
}
