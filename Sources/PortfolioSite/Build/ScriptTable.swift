import Foundation
import PortfolioSearch

/// The tables of the theme's 繁簡 switch, written to `assets/zh.json`:
/// `{"t2s": "繁简體体…", "s2t": "简繁体體…"}`, each a string of character pairs (from, to),
/// ascending by the first. Traditional → Simplified is the search index's fold;
/// Simplified → Traditional is ICU's `Hans-Hant` over every Simplified character of the
/// first table, keeping the one-character answers that differ. Made once per process.
public enum ScriptTable {
    /// The output path below the site's root.
    public static let path = "assets/zh.json"

    /// The file's bytes; the same on every run with the same ICU.
    public static let json: [UInt8] = {
        let t2s = ScriptFold.traditionalToSimplified
        let simplified = Array(Set(t2s.map(\.to))).sorted { $0.value < $1.value }
        let s2t = zip(simplified, transform(simplified, "Hans-Hant")).compactMap { from, to -> (Unicode.Scalar, Unicode.Scalar)? in
            guard let to, to != from else { return nil }
            return (from, to)
        }
        return Array("{\"t2s\":\"\(pairs(t2s))\",\"s2t\":\"\(pairs(s2t))\"}\n".utf8)
    }()

    /// Each scalar through an ICU transform, one call for all of them; nil where the
    /// answer is not one scalar.
    static func transform(_ scalars: [Unicode.Scalar], _ name: String) -> [Unicode.Scalar?] {
        var source = String.UnicodeScalarView()
        for s in scalars {
            source.append(s)
            source.append("\n")
        }
        guard let out = String(source).applyingTransform(StringTransform(rawValue: name), reverse: false) else {
            return scalars.map { _ in nil }
        }
        let lines = out.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= scalars.count else { return scalars.map { _ in nil } }
        return scalars.indices.map { lines[$0].count == 1 ? lines[$0].first : nil }
    }

    static func pairs(_ list: [(Unicode.Scalar, Unicode.Scalar)]) -> String {
        var text = String.UnicodeScalarView()
        for (from, to) in list {
            text.append(from)
            text.append(to)
        }
        return String(text)
    }
}
