import Foundation

extension DocumentTokenizer {
    mutating func add(_ text: String, field: Int, at position: Int) -> Int {
        guard !text.isEmpty else { return position }
        shift = UInt32(8 * field)
        if !normalize(text, composed: false) {
            _ = normalize(text.precomposedStringWithCompatibilityMapping, composed: true)
        }
        var pos = position
        var units: UInt32 = 0
        let n = textCount
        let s = scalars, k = classes
        var i = 0
        while i < n {
            let c = k[i]
            if c == CharClass.separator.rawValue { i += 1; continue }
            var j = i + 1
            while j < n && k[j] == c { j += 1 }
            if c == CharClass.cjk.rawValue {
                if j - i > 1 {
                    for x in i..<(j - 1) {
                        count(local(TermKey.pair(s[x], s[x + 1])), position: pos + (x - i))
                    }
                }
                for x in i..<j { count(local(TermKey.unigram(s[x])), position: -1) }
                units += UInt32(j - i)
                pos += j - i
            } else {
                word(UnsafeBufferPointer(start: s + i, count: j - i), at: pos)
                units += 1
                pos += 1
            }
            i = j
        }
        addLength(units, field: field)
        return pos
    }

    private mutating func addLength(_ units: UInt32, field: Int) {
        switch field {
        case 0: lengths.0 += units
        case 1: lengths.1 += units
        case 2: lengths.2 += units
        default: lengths.3 += units
        }
    }

    @inline(__always)
    private mutating func count(_ n: Int, position: Int) {
        let current = (counts[n] >> shift) & 0xFF
        if current < 0xFF { counts[n] &+= 1 << shift }
        if position >= 0 && position <= Int(UInt16.max) {
            let k = Int(positionCounts[n])
            if k < DocumentTokenizer.positionCap {
                positionBuffer[n * DocumentTokenizer.positionCap + k] = UInt16(position)
                positionCounts[n] = UInt8(k + 1)
            }
        }
    }

    /// A word and, if long enough, its prefixes (`seg*`), all at the word's position.
    private mutating func word(_ word: UnsafeBufferPointer<UInt32>, at position: Int) {
        wordBytes.removeAll(keepingCapacity: true)
        wordEnds.removeAll(keepingCapacity: true)
        for v in word {
            if v < 0x80 {
                wordBytes.append(UInt8(v))
            } else if let s = Unicode.Scalar(v) {
                wordBytes.append(contentsOf: String(s).utf8)
            }
            wordEnds.append(wordBytes.count)
        }
        // Local handles on the buffers: `stringKey` changes the tokenizer while it reads them.
        let bytes = wordBytes
        count(local(bytes.withUnsafeBufferPointer { stringKey($0) }), position: position)
        if word.count >= TermKey.prefixMinWord {
            let longest = min(word.count - 1, TermKey.prefixMaxLength)
            if longest >= 2 {
                var key = prefixBytes
                prefixBytes = []
                for length in 2...longest {
                    key.removeAll(keepingCapacity: true)
                    key.append(contentsOf: bytes[..<wordEnds[length - 1]])
                    key.append(contentsOf: TermKey.prefixMarker.utf8)
                    count(local(key.withUnsafeBufferPointer { stringKey($0) }), position: position)
                }
                prefixBytes = key
            }
        }
    }
}
