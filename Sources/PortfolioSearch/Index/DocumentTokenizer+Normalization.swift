extension DocumentTokenizer {
    @inline(__always)
    private mutating func emit(_ v: UInt32, _ c: UInt8) {
        if textCount == textCapacity { growText() }
        scalars[textCount] = v
        classes[textCount] = c
        textCount += 1
    }

    private mutating func growText() {
        let capacity = textCapacity * 2
        let s = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        s.update(from: scalars, count: textCount)
        scalars.deallocate()
        scalars = s
        let c = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        c.update(from: classes, count: textCount)
        classes.deallocate()
        classes = c
        textCapacity = capacity
    }

    /// Normalises `text` into `scalars`/`classes`; false if it needs whole-text NFKC first.
    mutating func normalize(_ text: String, composed: Bool) -> Bool {
        textCount = 0
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let n = bytes.count
            var i = 0
            while i < n {
                let b0 = UInt32(bytes[i])
                if b0 < 0x80 {
                    i += 1
                    emitASCII(b0)
                    continue
                }
                let v = DocumentTokenizer.decode(bytes, at: &i)
                if (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) {
                    emit(fold[Int(v)], CharClass.cjk.rawValue)
                    continue
                }
                if !composed && Normalizer.isCombining(v) { return false }
                emitOther(v)
            }
            return true
        } ?? true
    }

    @inline(__always)
    private mutating func emitASCII(_ b0: UInt32) {
        if b0 >= 0x41 && b0 <= 0x5A {
            emit(b0 + 32, CharClass.word.rawValue)
        } else {
            emit(b0, (b0 >= 0x61 && b0 <= 0x7A) || (b0 >= 0x30 && b0 <= 0x39) ? CharClass.word.rawValue : CharClass.separator.rawValue)
        }
    }

    /// The scalar of the multi-byte UTF-8 sequence at `i`, moving `i` past it.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> UInt32 {
        let b0 = UInt32(bytes[i])
        if b0 < 0xE0 {
            let v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            i += 2
            return v
        } else if b0 < 0xF0 {
            let v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            i += 3
            return v
        } else {
            let v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
            i += 4
            return v
        }
    }

    /// A character other than ASCII and common ideographs: BMP ones through the cache.
    @inline(__always)
    private mutating func emitOther(_ v: UInt32) {
        if v < 0x10000 {
            var c = bmpClass[Int(v)]
            if c == 0 {
                let (s, k) = slow(v)
                if s.count == 1 {
                    bmpValue[Int(v)] = s[0]
                    c = k[0].rawValue + 1
                } else {
                    c = 0xFF
                }
                bmpClass[Int(v)] = c
            }
            if c != 0xFF {
                emit(bmpValue[Int(v)], c - 1)
                return
            }
        }
        let (s, k) = slow(v)
        for j in 0..<s.count { emit(s[j], k[j].rawValue) }
    }

    private mutating func slow(_ v: UInt32) -> ([UInt32], [CharClass]) {
        if let m = multi[v] { return m }
        guard let scalar = Unicode.Scalar(v) else { return ([], []) }
        let r = Normalizer.slowNormalize(scalar, fold: fold)
        multi[v] = r
        return r
    }
}
