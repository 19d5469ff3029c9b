import Foundation
import PortfolioCore

/// Tells crawlers, link previewers, monitors and scripts from readers by their
/// User-Agent: a view whose User-Agent contains any of the patterns (ignoring case), or
/// that has none, is answered but not counted.
public struct BotFilter: Sendable {
    public let patterns: [String]
    /// The patterns' UTF-8 bytes, ASCII letters lowercased.
    private let needles: [[UInt8]]

    public init(patterns: [String]) {
        self.patterns = patterns.map { $0.lowercased() }.filter { !$0.isEmpty }
        self.needles = self.patterns.map { Self.folded(Array($0.utf8)) }
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
    /// Compares bytes, not Strings: it runs for every view, and Foundation's string search
    /// was the largest cost of a request.
    public func isBot(_ userAgent: String?) -> Bool {
        guard let userAgent, !userAgent.isEmpty else { return true }
        let agent = Self.folded(Array(userAgent.utf8))
        return agent.withUnsafeBufferPointer { haystack in
            needles.contains { Self.find($0, in: haystack) }
        }
    }

    /// ASCII letters lowercased; other bytes as they are.
    static func folded(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }
    }

    /// Whether `needle` occurs in `haystack`.
    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var matched = 1
                while matched < needle.count && haystack[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
