import Foundation

/// Small text rules shared by the ePortfolio parser: what counts as blank, trimming,
/// labels and names.
public enum EportfolioText {
    /// Spaces the platform leaves around text: ASCII and Unicode spaces, no-break spaces
    /// (U+00A0), the ideographic space (U+3000), zero-width spaces and stray BOMs.
    public static let spaces: CharacterSet = CharacterSet.whitespacesAndNewlines
        .union(CharacterSet(charactersIn: "\u{00A0}\u{3000}\u{200B}\u{FEFF}"))

    /// `line` without the spaces at either end.
    public static func trimmed(_ line: some StringProtocol) -> String {
        String(line).trimmingCharacters(in: spaces)
    }

    /// `line` trimmed, with every inner run of spaces made one ASCII space (for titles).
    public static func collapsed(_ line: some StringProtocol) -> String {
        String(line).components(separatedBy: spaces).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Labels the platform puts on the line above a trailing source link.
    public static let sourceLabels: Set<String> = ["全文連結", "原文連結", "全文链接", "原文链接", "全文連接", "原文連接"]

    /// Whether `line` (already trimmed) is a source label such as `全文連結` or `原文連結:`.
    public static func isSourceLabel(_ line: String) -> Bool {
        var text = Substring(line)
        while let last = text.last, last == ":" || last == "：" || last == " " { text = text.dropLast() }
        return sourceLabels.contains(String(text))
    }

    /// Whether `line` (already trimmed) is a bare name: 2 to 4 CJK ideographs and nothing else.
    public static func isBareName(_ line: String) -> Bool {
        let scalars = line.unicodeScalars
        return (2...4).contains(scalars.count) && scalars.allSatisfy { $0.properties.isIdeographic }
    }
}
