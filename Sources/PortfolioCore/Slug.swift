import Foundation

/// Turns titles and tag names into URL slugs.
///
/// Slugs keep letters and digits of every script (so Chinese stays Chinese), lower-case
/// Latin letters, and join everything else with single hyphens. A slug is never empty:
/// text with no letters or digits falls back to a short stable hash of the text.
public enum Slug {
    /// How slugs are made from titles.
    public enum Style: String, Sendable, Codable {
        /// Keep Chinese characters; percent-encoded on the wire.
        case unicode
        /// Romanise with ICU `Any-Latin; Latin-ASCII` (e.g. 營銷 → ying-xiao).
        case pinyin
    }

    /// The slug of `text` in the given style; never empty.
    public static func make(_ text: String, style: Style = .unicode, maxLength: Int = 80) -> String {
        let source = style == .pinyin ? romanise(text) : text
        var out = ""
        var pendingHyphen = false
        for scalar in normalised(source).unicodeScalars {
            if isWordScalar(scalar) {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        if out.count > maxLength {
            out = String(out.prefix(maxLength))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out.isEmpty ? fallback(for: text) : out
    }

    /// NFKC and lower case; text of ASCII and common Han characters needs only the latter.
    static func normalised(_ text: String) -> String {
        let simple = text.unicodeScalars.allSatisfy { $0.isASCII || (0x4E00...0x9FFF).contains($0.value) }
        return simple ? text.lowercased() : text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 48 && v <= 57) || (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || v == 95
        }
        if (0x4E00...0x9FFF).contains(scalar.value) { return true }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// ICU romanisation: Chinese to toneless pinyin, accents removed.
    public static func romanise(_ text: String) -> String {
        text.applyingTransform(StringTransform(rawValue: "Any-Latin; Latin-ASCII"), reverse: false) ?? text
    }

    /// A stable, non-empty slug for text with no letters or digits (FNV-1a of its UTF-8).
    static func fallback(for text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "p-" + String(String(hash, radix: 36).prefix(8))
    }
}
