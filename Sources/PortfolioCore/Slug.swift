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
        if out.utf8.count > maxLength && out.count > maxLength {
            out = String(out.prefix(maxLength))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out.isEmpty ? fallback(for: text) : out
    }

    /// NFKC and lower case; text of ASCII and common Han characters needs only ASCII
    /// lower-casing, done here by byte (Unicode case mapping is slow and changes nothing).
    static func normalised(_ text: String) -> String {
        var upper = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                if scalar.value >= 65 && scalar.value <= 90 { upper = true }
            } else if !(0x4E00...0x9FFF).contains(scalar.value) {
                return text.precomposedStringWithCompatibilityMapping.lowercased()
            }
        }
        guard upper else { return text }
        return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
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
