import Foundation

/// The Cache-Control rules of a published site: a year's cache for each hashed asset,
/// revalidation for pages. `publish` writes them into `_headers`; deploy reads them back
/// from there (`init(headers:)`), so an object in a bucket gets exactly the header the
/// same file gets from a host that reads `_headers`.
public struct CacheRules: Sendable, Equatable {
    /// One rule: a root-relative, percent-encoded address, or a folder's addresses when it
    /// ends in `*`, and its Cache-Control value.
    public struct Rule: Sendable, Equatable {
        /// The address, or a folder's prefix followed by `*`.
        public var pattern: String
        /// The Cache-Control value.
        public var value: String

        /// A rule giving `value` to the addresses `pattern` covers.
        public init(pattern: String, value: String) {
            self.pattern = pattern
            self.value = value
        }

        /// Whether the rule covers this address (a trailing `*` matches any rest, as on Netlify and Cloudflare).
        func matches(_ address: String) -> Bool {
            pattern.hasSuffix("*") ? address.hasPrefix(pattern.dropLast()) : address == pattern
        }
    }

    /// The rules in `_headers` order; they never overlap (hosts would join their values).
    public let rules: [Rule]
    private let exact: [String: String]
    private let folders: [Rule]

    /// For a file no rule names (images, feeds, search shards): its name can keep while
    /// its bytes change, so it is revalidated too.
    public static let fallback = SecurityHeaders.revalidate

    /// The rules for these hashed assets and page addresses (both root-relative).
    public init(hashedAssets: [String], pageRules: [String]) {
        self.init(hashedAssets.map { Rule(pattern: $0, value: SecurityHeaders.immutable) }
            + pageRules.map { Rule(pattern: $0, value: SecurityHeaders.revalidate) })
    }

    /// The rules `_headers` holds: every `Cache-Control` line under an address line.
    public init(headers text: String) {
        var rules: [Rule] = []
        var pattern: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("/") { pattern = String(line); continue }
            guard let pattern, line.first == " " || line.first == "\t", let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard name.lowercased() == "cache-control" else { continue }
            rules.append(Rule(pattern: pattern, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        self.init(rules)
    }

    /// These rules, in this order.
    public init(_ rules: [Rule]) {
        self.rules = rules
        var exact: [String: String] = [:]
        for rule in rules where !rule.pattern.hasSuffix("*") { exact[rule.pattern] = exact[rule.pattern] ?? rule.value }
        self.exact = exact
        folders = rules.filter { $0.pattern.hasSuffix("*") }
    }

    /// The Cache-Control of the file at this root-relative, percent-encoded address.
    public func cacheControl(for address: String) -> String {
        value(for: address) ?? Self.fallback
    }

    /// The value of the rule that covers the address; nil when no rule does.
    public func value(for address: String) -> String? {
        exact[address] ?? folders.first { $0.matches(address) }?.value
    }

    /// The rules as `_headers` lines.
    var headerLines: String {
        rules.map { "\($0.pattern)\n  Cache-Control: \($0.value)\n" }.joined()
    }

    public static func == (a: CacheRules, b: CacheRules) -> Bool { a.rules == b.rules }
}
