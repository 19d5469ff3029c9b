/// Receives the tokens of a normalised text.
protocol TokenSink {
    /// Two neighbouring characters of a CJK run; `position` is the first one's.
    mutating func pair(_ a: UInt32, _ b: UInt32, at position: Int)
    /// One CJK character.
    mutating func unigram(_ a: UInt32, at position: Int)
    /// A word of letters and digits (`c2m`, `s2b2c`, `stp`, `2018`).
    mutating func word(_ scalars: ArraySlice<UInt32>, at position: Int)
}

/// Splits normalised text into search tokens.
///
/// - CJK runs give overlapping pairs (`市场区隔` → `市场 场区 区隔`), so any substring of
///   two or more characters is found without a dictionary; the index also keeps every
///   character on its own for one-character queries.
/// - Letters and digits give words; `C2M模式與S2b2c` → `c2m`, `模式 式与`, `s2b2c`.
/// - Everything else separates.
///
/// Positions count one per CJK character and one per word; separators do not advance,
/// so the tokens of a phrase sit at consecutive offsets, on the page as in the query.
enum Tokenizer {
    /// Positions between fields (and between tags), so no phrase spans two of them.
    static let fieldGap = 2

    /// Tokenises `scalars` starting at `position`; returns the next free position.
    /// `allUnigrams`: emit every CJK character (index side); otherwise only the
    /// characters of one-character runs (query side).
    @discardableResult
    static func tokenize<S: TokenSink>(_ scalars: [UInt32], _ classes: [CharClass], from position: Int,
                                       allUnigrams: Bool, into sink: inout S) -> Int {
        var pos = position
        var i = 0
        let n = scalars.count
        while i < n {
            switch classes[i] {
            case .separator:
                i += 1
            case .cjk:
                var j = i
                while j < n && classes[j] == .cjk { j += 1 }
                let length = j - i
                if length == 1 {
                    sink.unigram(scalars[i], at: pos)
                } else {
                    for k in i..<(j - 1) { sink.pair(scalars[k], scalars[k + 1], at: pos + (k - i)) }
                    if allUnigrams {
                        for k in i..<j { sink.unigram(scalars[k], at: pos + (k - i)) }
                    }
                }
                pos += length
                i = j
            case .word:
                var j = i
                while j < n && classes[j] == .word { j += 1 }
                sink.word(scalars[i..<j], at: pos)
                pos += 1
                i = j
            }
        }
        return pos
    }
}

/// Term strings and the keys the builder uses for them.
enum TermKey {
    static let unigramTag: UInt64 = 1 << 60
    static let pairTag: UInt64 = 2 << 60

    @inline(__always) static func unigram(_ a: UInt32) -> UInt64 { unigramTag | UInt64(a) }
    @inline(__always) static func pair(_ a: UInt32, _ b: UInt32) -> UInt64 { pairTag | (UInt64(a) << 21) | UInt64(b) }

    static func isUnigram(_ key: UInt64) -> Bool { key >> 60 == 1 }

    /// The term's text: one or two characters.
    static func string(_ key: UInt64) -> String {
        var view = String.UnicodeScalarView()
        if key >> 60 == 2 {
            if let a = Unicode.Scalar(UInt32((key >> 21) & 0x1FFFFF)) { view.append(a) }
        }
        if let b = Unicode.Scalar(UInt32(key & 0x1FFFFF)) { view.append(b) }
        return String(view)
    }

    /// Words of at least this length also index their prefixes (`segmentation` → `se* seg* …`).
    static let prefixMinWord = 3
    /// Prefixes are this long at most.
    static let prefixMaxLength = 16
    /// The marker that ends a prefix term. Words never contain it.
    static let prefixMarker = "*"

    static func string(_ scalars: ArraySlice<UInt32>) -> String {
        var view = String.UnicodeScalarView()
        for v in scalars { if let s = Unicode.Scalar(v) { view.append(s) } }
        return String(view)
    }
}
