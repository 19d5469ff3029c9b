import Foundation
import PortfolioCore
import PortfolioSite
import PortfolioTestSupport
import Testing

/// Sites made at random from a fixed seed, out of what breaks parsers: random bytes,
/// deep folders, huge lines, odd YAML, hostile aliases and slugs. However each one turns
/// out, the build must end (no crash, no hang), every error must name a file, and a
/// failed build must leave the last output byte for byte.
@Suite("Hostile sites", .timeLimit(.minutes(5)))
struct HostileSiteTests {
    /// How many sites one test run builds (each with several files); the seeds are fixed,
    /// so a failure can be replayed.
    static let cases = 40

    @Test(arguments: 0..<cases)
    func buildEndsWithNamedErrorsAndKeepsTheOutput(seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed) &+ 0x5EED)
        let site = try TestSite()
        try site.article("anchor", title: "基準文章", extra: "slug: anchor")
        try site.build()
        let before = TestSite.snapshot(site.output)
        for i in 0..<(2 + random.below(5)) {
            let file = HostileFile.make(&random, index: i)
            let url = site.root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
        let errors = site.buildErrors()
        if errors.isEmpty {
            #expect(site.exists(OutputMarker.name) && site.exists("posts/anchor/index.html"), "seed \(seed)")
        } else {
            #expect(TestSite.snapshot(site.output) == before, "seed \(seed): a failed build changed the output")
            for error in errors where error.kind != .output {
                #expect(error.location?.path.isEmpty == false, "seed \(seed): an error without a file: \(error)")
            }
        }
    }
}

/// A small, fast, seeded generator (SplitMix64).
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// One file of a hostile site: its path below the site folder and its bytes.
enum HostileFile {
    static let titles = ["STP", "<script>alert(1)</script>", "\"引號\" & 'a'", "../../etc/passwd", "。。。", "   ", "🧧紅包",
                         String(repeating: "長", count: 5_000), "a\u{0}b", "CON", ".hidden", "%2e%2e%2f"]
    static let aliases = ["/index.html", "/posts/anchor/", "/feed.xml", "/.portfolio-output", "/../x", "//evil.example/",
                          "/search/manifest.json", "/tags/", "javascript:alert(1)", "/ok/old/", "/ok/old/"]
    static let values = ["9223372036854775807", "-1", "1e400", "[1, 2", "{a: b}", "~", "!!binary aGk=", "&a x", "*a", "'unclosed",
                         "\"\\u0000\"", "2019-13-45 25:61:61", "yes", String(repeating: "9", count: 400)]

    static func make(_ random: inout SplitMix, index: Int) -> (path: String, bytes: [UInt8]) {
        let folder = (0..<random.below(4)).map { _ in random.pick(["深", "a b", "..x", "年", "posts"]) }.joined(separator: "/")
        let path = "content/" + (folder.isEmpty ? "" : folder + "/") + "h\(index).md"
        switch random.below(6) {
        case 0: return (path, (0..<random.below(4_000)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        case 1: return (path, Array(("---\ntitle: 長行\ndate: 2020-01-01\n---\n" + String(repeating: "字", count: 200_000)).utf8))
        case 2: return (path, Array(("---\n" + String(repeating: "- [", count: 2_000) + "\n---\n").utf8))
        default: return (path, Array(article(&random).utf8))
        }
    }

    /// Front matter with hostile values in known keys, and a body of odd Markdown.
    static func article(_ random: inout SplitMix) -> String {
        var lines = ["---", "title: \(yamlQuoted(random.pick(titles)))", "date: \(random.pick(["2020-01-01 10:00:00", "2020-02-30", "now"]))"]
        for key in ["views", "replies", "slug", "tags", "draft", "updated", "categories"] where random.below(2) == 0 {
            lines.append("\(key): \(random.pick(values))")
        }
        if random.below(2) == 0 { lines.append("aliases: [\((0..<3).map { _ in yamlQuoted(random.pick(aliases)) }.joined(separator: ", "))]") }
        lines.append("---")
        lines.append(random.pick(["<script>alert(1)</script>", "[x](javascript:alert(1))", String(repeating: ">", count: 500) + " 引用",
                                  "| a |\n|---|\n| b |", "    縮排的程式碼", "![](/nope.png)", "[^1]\n\n[^1]: 註"]))
        return lines.joined(separator: "\n") + "\n"
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { s -> String in
            switch s {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case _ where s.value < 0x20: return String(format: "\\u%04X", s.value)
            default: return String(s)
            }
        }.joined() + "\""
    }
}
