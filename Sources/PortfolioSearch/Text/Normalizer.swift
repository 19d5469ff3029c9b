import Foundation

/// What a normalised character does in tokenisation.
enum CharClass: UInt8 {
    /// Breaks runs (spaces, punctuation, symbols).
    case separator = 0
    /// Letters and digits outside CJK: they form words.
    case word = 1
    /// Han ideographs, kana, Hangul: they form runs that are indexed as overlapping pairs.
    case cjk = 2
}

/// The Traditional → Simplified fold, computed once per process with ICU's `Hant-Hans`
/// transform over every BMP ideograph (one call on one long string: about 70 ms, against
/// tens of microseconds per call for character-by-character transforms). The transform
/// maps character to character without context (`乾隆` gives `干隆`), so a flat table is
/// exactly what it does. Lookups are an array index.
enum HanFold {
    /// Ranges the transform is run over. Supplementary-plane ideographs are not folded.
    static let ranges: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF]

    /// `table[v]` is the folded scalar value for BMP scalar `v` (itself if unchanged).
    static let table: [UInt32] = makeTable()

    /// Scalars the fold changes, with their targets, ascending.
    static let changes: [(from: UInt32, to: UInt32)] = {
        var out: [(UInt32, UInt32)] = []
        for v in 0..<UInt32(table.count) where table[Int(v)] != v { out.append((v, table[Int(v)])) }
        return out
    }()

    private static func makeTable() -> [UInt32] {
        var table = (0..<UInt32(0x10000)).map { $0 }
        var source = String.UnicodeScalarView()
        var order: [UInt32] = []
        for range in ranges {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else { continue }
                source.append(scalar)
                source.append("\n")
                order.append(v)
            }
        }
        let text = String(source)
        guard let folded = text.applyingTransform(StringTransform(rawValue: "Hant-Hans"), reverse: false) else {
            return table
        }
        let lines = folded.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        // The transform is one character to one character; anything else is left unfolded.
        guard lines.count >= order.count else { return table }
        for (i, v) in order.enumerated() {
            let line = lines[i]
            if line.count == 1, let target = line.first, target.value != v, target.value < 0x10000 {
                table[Int(v)] = target.value
            }
        }
        // Final sigma folds to sigma, so Greek words match wherever they end.
        table[0x3C2] = 0x3C3
        // Keep the fold idempotent: follow chains to their end; a cycle (苎 ↔ 苧) goes to its smallest member.
        var result = table
        for v in 0..<table.count where table[v] != UInt32(v) {
            var seen: Set<UInt32> = [UInt32(v)]
            var t = table[v]
            while Int(t) < table.count, table[Int(t)] != t, !seen.contains(t) {
                seen.insert(t)
                t = table[Int(t)]
            }
            if seen.contains(t) {
                var cycle: [UInt32] = [t]
                var u = table[Int(t)]
                while u != t { cycle.append(u); u = table[Int(u)] }
                t = cycle.min()!
            }
            result[v] = t
        }
        return result
    }
}

/// Normalises text for indexing and queries: NFKC, lower case, Traditional → Simplified,
/// one Unicode scalar at a time with a cache, so the slow Foundation calls run once per
/// distinct character. ASCII and BMP ideographs take a fast path that needs no cache.
///
/// The browser does the same with `String.prototype.normalize("NFKC")`, `toLowerCase()`
/// and the fold table in `fold.json`.
struct Normalizer {
    private var cache: [UInt32: (scalars: [UInt32], classes: [CharClass])] = [:]
    private let fold = HanFold.table

    init() {}

    static func isCJK(_ v: UInt32) -> Bool {
        switch v {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x3FFFF,
             0x3005, 0x3007, 0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF,
             0xAC00...0xD7A3:
            return true
        default:
            return false
        }
    }

    static func charClass(_ v: UInt32) -> CharClass {
        if v < 0x80 {
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) { return .word }
            return .separator
        }
        if isCJK(v) { return .cjk }
        guard let scalar = Unicode.Scalar(v) else { return .separator }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return .word
        default:
            return .separator
        }
    }

    /// Combining characters that per-character NFKC would leave uncomposed.
    @inline(__always)
    static func isCombining(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F,
             0x3099, 0x309A, 0x1100...0x11FF:
            return true
        default:
            return false
        }
    }

    /// Does this text hold combining sequences that per-character NFKC would not compose?
    static func needsWholeNFKC(_ text: String) -> Bool {
        text.unicodeScalars.contains { isCombining($0.value) }
    }

    /// Appends the normalised form of `text` to `out` (scalar values) and their classes to `classes`.
    mutating func append(_ text: String, to out: inout [UInt32], classes: inout [CharClass]) {
        let source = Normalizer.needsWholeNFKC(text) ? text.precomposedStringWithCompatibilityMapping : text
        run(source, &out, &classes)
    }

    @inline(__always)
    private mutating func run(_ source: String, _ out: inout [UInt32], _ classes: inout [CharClass]) {
        for scalar in source.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                var c = v
                if c >= 0x41 && c <= 0x5A { c += 32 }
                out.append(c)
                classes.append(Normalizer.charClass(c))
            } else if (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) {
                out.append(fold[Int(v)])
                classes.append(.cjk)
            } else {
                let entry: (scalars: [UInt32], classes: [CharClass])
                if let cached = cache[v] {
                    entry = cached
                } else {
                    entry = Normalizer.slowNormalize(scalar, fold: fold)
                    cache[v] = entry
                }
                out.append(contentsOf: entry.scalars)
                classes.append(contentsOf: entry.classes)
            }
        }
    }

    static func slowNormalize(_ scalar: Unicode.Scalar, fold: [UInt32]) -> ([UInt32], [CharClass]) {
        let nfkc = String(scalar).precomposedStringWithCompatibilityMapping.lowercased()
        var scalars: [UInt32] = []
        var classes: [CharClass] = []
        for s in nfkc.unicodeScalars {
            var v = s.value
            if v < 0x10000 { v = fold[Int(v)] }
            scalars.append(v)
            classes.append(charClass(v))
        }
        return (scalars, classes)
    }

    /// The normalised form of `text` as a string.
    mutating func normalize(_ text: String) -> String {
        var out: [UInt32] = []
        var classes: [CharClass] = []
        append(text, to: &out, classes: &classes)
        var view = String.UnicodeScalarView()
        for v in out { if let s = Unicode.Scalar(v) { view.append(s) } }
        return String(view)
    }
}
