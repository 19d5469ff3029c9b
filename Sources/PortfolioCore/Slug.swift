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
        let slug = commonSlug(source, maxLength: maxLength) ?? generalSlug(source, maxLength: maxLength)
        return slug.isEmpty ? fallback(for: text) : slug
    }

    /// The slug of any text, before the fallback for an empty one.
    static func generalSlug(_ source: String, maxLength: Int) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingHyphen = false
        for scalar in normalised(source).unicodeScalars {
            if isWordScalar(scalar) {
                if pendingHyphen && !scalars.isEmpty { scalars.append("-") }
                pendingHyphen = false
                scalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        var out = String(scalars)
        if out.utf8.count > maxLength && out.count > maxLength {
            out = String(out.prefix(maxLength))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out
    }

    /// `make` for text of ASCII, full-width ASCII, common Han characters and the CJK
    /// punctuation `normalised` keeps (titles and headings almost always are), in one pass
    /// into UTF-8; nil for any other text. Every character of such a slug is one scalar, so
    /// the length is counted in scalars. Tests hold it equal to the general way.
    static func commonSlug(_ text: String, maxLength: Int) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var count = 0, cut = 0, pendingHyphen = false
        func add(_ v: UInt32) {
            if v < 0x80 { bytes.append(UInt8(v)) } else {
                bytes.append(UInt8(0xE0 | v >> 12))
                bytes.append(UInt8(0x80 | (v >> 6) & 0x3F))
                bytes.append(UInt8(0x80 | v & 0x3F))
            }
            count += 1
            if count == maxLength { cut = bytes.count }
        }
        for scalar in text.unicodeScalars {
            var v = scalar.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
            let word: Bool
            if v < 0x80 {
                if v >= 65 && v <= 90 { v += 32 }
                word = (v >= 48 && v <= 57) || (v >= 97 && v <= 122) || v == 95
            } else if v >= 0x4E00 && v <= 0x9FFF {
                word = true
            } else if isStablePunctuation(v) {
                word = false
            } else {
                return nil
            }
            guard word else { pendingHyphen = true; continue }
            if pendingHyphen && !bytes.isEmpty { add(45) }
            pendingHyphen = false
            add(v)
        }
        if count > maxLength {
            bytes.removeSubrange(cut...)
            while bytes.last == 45 { bytes.removeLast() }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// NFKC and lower case. Text of ASCII, common Han characters, full-width ASCII and
    /// common CJK punctuation is done here by scalar: NFKC maps full-width forms to ASCII
    /// and leaves the rest alone, and only ASCII letters change case. Anything else goes
    /// through Foundation's (slow) normalisation and Unicode case mapping.
    static func normalised(_ text: String) -> String {
        var changes = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v >= 65 && v <= 90 { changes = true }
            } else if (0xFF01...0xFF5E).contains(v) {
                changes = true
            } else if !(0x4E00...0x9FFF).contains(v) && !isStablePunctuation(v) {
                return foundationNormalised(text)
            }
        }
        guard changes else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            var v = scalar.value
            if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
            if v >= 65 && v <= 90 { v += 32 }
            out.append(Unicode.Scalar(v)!)
        }
        return String(out)
    }

    /// NFKC and lower case by Foundation and the standard library.
    static func foundationNormalised(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// CJK and general punctuation that NFKC and lower-casing leave as it is (checked
    /// against Foundation for every scalar in these blocks by the tests).
    static func isStablePunctuation(_ v: UInt32) -> Bool {
        switch v {
        case 0x2010, 0x2012...0x2016, 0x2018...0x2023, 0x2027, 0x3001...0x3004, 0x3008...0x3020, 0x3030, 0x303D...0x303F:
            return true
        default:
            return false
        }
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
