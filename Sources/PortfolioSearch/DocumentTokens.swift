/// The terms of one document, counted per field, with the first positions of each term.
/// Built on all cores, one document at a time, then merged in document order.
struct DocumentTerms {
    /// Local terms: a CJK key (`TermKey`) or, with `stringTag`, an index into `strings`.
    var keys: [UInt64] = []
    var strings: [String] = []
    /// Per local term: counts in title, tags, summary and body, one saturating byte each.
    var counts: [UInt32] = []
    /// Per local term (+1): where its positions start in `positions`.
    var positionStarts: [UInt32] = []
    var positions: [UInt16] = []
    /// Field lengths in units (one per CJK character, one per word).
    var lengths: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
    /// Local terms are ordered by partition (a hash of the term); partition `p` holds
    /// `partitionStarts[p]..<partitionStarts[p + 1]`, so merging runs one partition per task.
    var partitionStarts: [UInt32] = []
    /// The document's entry in its `docs/<c>.json`.
    var file: [UInt8] = []

    static let stringTag: UInt64 = 3 << 60
    static let partitions = 16

    @inline(__always)
    static func partition(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 60)
    }

    static func partition(of string: String) -> Int {
        Int(TermHash.fnv1a(string) >> 28)
    }
}

/// Collects the tokens of one document at a time; one per worker, reused across documents.
///
/// This is the index-side twin of `Normalizer` + `Tokenizer` (same characters, classes,
/// tokens and positions, which the tests check), written for speed: UTF-8 is decoded by
/// hand, ASCII and ideographs take table lookups, other characters a per-worker cache,
/// and the per-document term table lives in raw buffers that are reused. It is a
/// non-copyable struct so that its state needs no runtime exclusivity checks.
struct DocumentTokenizer: ~Copyable {
    /// Positions kept per term and document (title first, then tags, summary, body).
    static let positionCap = 12

    private let fold: [UInt32] = HanFold.table
    // Cache for other BMP characters: class + 1 (0: not seen yet; 0xFF: several scalars,
    // see `multi`), and the single normalised scalar.
    private var bmpClass = [UInt8](repeating: 0, count: 0x10000)
    private var bmpValue = [UInt32](repeating: 0, count: 0x10000)
    private var multi: [UInt32: ([UInt32], [CharClass])] = [:]

    // Normalised text of the current field.
    private var scalars: UnsafeMutablePointer<UInt32>
    private var classes: UnsafeMutablePointer<UInt8>
    private var textCount = 0
    private var textCapacity: Int

    // Open-addressing map from key to local term number, cleared by bumping `stamp`.
    private var slotKeys: UnsafeMutablePointer<UInt64>
    private var slotValues: UnsafeMutablePointer<Int32>
    private var slotStamps: UnsafeMutablePointer<UInt32>
    private var slotCapacity: Int
    private var stamp: UInt32 = 1

    // Local terms.
    private var keys: UnsafeMutablePointer<UInt64>
    private var counts: UnsafeMutablePointer<UInt32>
    private var positionCounts: UnsafeMutablePointer<UInt8>
    private var positionBuffer: UnsafeMutablePointer<UInt16>
    private var termCapacity: Int
    private var termCount = 0
    private var strings: [String] = []
    private var stringIndex: [String: Int] = [:]
    private var wordBytes: [UInt8] = []
    private var wordEnds: [Int] = []

    private var shift: UInt32 = 0
    private var lengths: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)

    init() {
        textCapacity = 16384
        scalars = .allocate(capacity: textCapacity)
        classes = .allocate(capacity: textCapacity)
        slotCapacity = 8192
        slotKeys = .allocate(capacity: slotCapacity)
        slotValues = .allocate(capacity: slotCapacity)
        slotStamps = .allocate(capacity: slotCapacity)
        slotStamps.initialize(repeating: 0, count: slotCapacity)
        termCapacity = 4096
        keys = .allocate(capacity: termCapacity)
        counts = .allocate(capacity: termCapacity)
        positionCounts = .allocate(capacity: termCapacity)
        positionBuffer = .allocate(capacity: termCapacity * DocumentTokenizer.positionCap)
    }

    deinit {
        scalars.deallocate()
        classes.deallocate()
        slotKeys.deallocate()
        slotValues.deallocate()
        slotStamps.deallocate()
        keys.deallocate()
        counts.deallocate()
        positionCounts.deallocate()
        positionBuffer.deallocate()
    }

    mutating func terms(of doc: SearchDocument) -> DocumentTerms {
        reset()
        var position = 0
        position = add(doc.title, field: Ranking.fieldTitle, at: position) + Tokenizer.fieldGap
        for tag in doc.tags {
            position = add(tag, field: Ranking.fieldTags, at: position) + Tokenizer.fieldGap
        }
        position = add(doc.summary, field: Ranking.fieldSummary, at: position) + Tokenizer.fieldGap
        _ = add(doc.body, field: Ranking.fieldBody, at: position)

        // Order local terms by partition (a counting sort, stable).
        let n = termCount
        let parts = DocumentTerms.partitions
        var partOf = [UInt8](repeating: 0, count: n)
        var starts = [UInt32](repeating: 0, count: parts + 1)
        for i in 0..<n {
            let key = keys[i]
            let p = key >> 60 == 3 ? DocumentTerms.partition(of: strings[Int(key & 0xFFFF_FFFF)]) : DocumentTerms.partition(of: key)
            partOf[i] = UInt8(p)
            starts[p + 1] += 1
        }
        for p in 0..<parts { starts[p + 1] += starts[p] }
        var cursor = starts
        var order = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let p = Int(partOf[i])
            order[Int(cursor[p])] = i
            cursor[p] += 1
        }

        let keys = self.keys, counts = self.counts, positionCounts = self.positionCounts, positionBuffer = self.positionBuffer
        var out = DocumentTerms()
        out.strings = strings
        out.partitionStarts = starts
        let cap = DocumentTokenizer.positionCap
        var total = 0
        for i in 0..<n { total += Int(positionCounts[i]) }
        out.keys = [UInt64](unsafeUninitializedCapacity: n) { buffer, count in
            for (k, i) in order.enumerated() { buffer[k] = keys[i] }
            count = n
        }
        out.counts = [UInt32](unsafeUninitializedCapacity: n) { buffer, count in
            for (k, i) in order.enumerated() { buffer[k] = counts[i] }
            count = n
        }
        var positionStarts = [UInt32](repeating: 0, count: n + 1)
        out.positions = [UInt16](unsafeUninitializedCapacity: total) { buffer, count in
            var o = 0
            for (k, i) in order.enumerated() {
                positionStarts[k] = UInt32(o)
                let c = Int(positionCounts[i])
                for j in 0..<c { buffer[o + j] = positionBuffer[i * cap + j] }
                o += c
            }
            count = o
        }
        positionStarts[n] = UInt32(total)
        out.positionStarts = positionStarts
        out.lengths = lengths
        return out
    }

    private mutating func reset() {
        stamp &+= 1
        if stamp == 0 {
            slotStamps.update(repeating: 0, count: slotCapacity)
            stamp = 1
        }
        termCount = 0
        strings.removeAll(keepingCapacity: true)
        stringIndex.removeAll(keepingCapacity: true)
        lengths = (0, 0, 0, 0)
    }

    // MARK: Normalisation

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
    private mutating func normalize(_ text: String, composed: Bool) -> Bool {
        textCount = 0
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let n = bytes.count
            var i = 0
            while i < n {
                let b0 = UInt32(bytes[i])
                var v: UInt32
                if b0 < 0x80 {
                    i += 1
                    if b0 >= 0x41 && b0 <= 0x5A {
                        emit(b0 + 32, CharClass.word.rawValue)
                    } else {
                        emit(b0, (b0 >= 0x61 && b0 <= 0x7A) || (b0 >= 0x30 && b0 <= 0x39) ? CharClass.word.rawValue : CharClass.separator.rawValue)
                    }
                    continue
                } else if b0 < 0xE0 {
                    v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b0 < 0xF0 {
                    v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                if (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) {
                    emit(fold[Int(v)], CharClass.cjk.rawValue)
                    continue
                }
                if !composed && Normalizer.isCombining(v) { return false }
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
                        continue
                    }
                }
                let (s, k) = slow(v)
                for j in 0..<s.count { emit(s[j], k[j].rawValue) }
            }
            return true
        } ?? true
    }

    private mutating func slow(_ v: UInt32) -> ([UInt32], [CharClass]) {
        if let m = multi[v] { return m }
        guard let scalar = Unicode.Scalar(v) else { return ([], []) }
        let r = Normalizer.slowNormalize(scalar, fold: fold)
        multi[v] = r
        return r
    }

    // MARK: Tokens

    private mutating func add(_ text: String, field: Int, at position: Int) -> Int {
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
        switch field {
        case 0: lengths.0 += units
        case 1: lengths.1 += units
        case 2: lengths.2 += units
        default: lengths.3 += units
        }
        return pos
    }

    @inline(__always)
    private static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }

    /// The local number of `key`, adding it if new.
    @inline(__always)
    private mutating func local(_ key: UInt64) -> Int {
        let mask = slotCapacity - 1
        var slot = DocumentTokenizer.hash(key) & mask
        while true {
            if slotStamps[slot] != stamp {
                let n = termCount
                if n == termCapacity { growTerms() }
                slotStamps[slot] = stamp
                slotKeys[slot] = key
                slotValues[slot] = Int32(n)
                keys[n] = key
                counts[n] = 0
                positionCounts[n] = 0
                termCount = n + 1
                if termCount * 2 > slotCapacity { growSlots() }
                return n
            }
            if slotKeys[slot] == key { return Int(slotValues[slot]) }
            slot = (slot + 1) & mask
        }
    }

    private mutating func growTerms() {
        let capacity = termCapacity * 2
        let cap = DocumentTokenizer.positionCap
        func grow<T>(_ p: UnsafeMutablePointer<T>, _ old: Int, _ new: Int) -> UnsafeMutablePointer<T> {
            let q = UnsafeMutablePointer<T>.allocate(capacity: new)
            q.moveInitialize(from: p, count: old)
            p.deallocate()
            return q
        }
        keys = grow(keys, termCapacity, capacity)
        counts = grow(counts, termCapacity, capacity)
        positionCounts = grow(positionCounts, termCapacity, capacity)
        positionBuffer = grow(positionBuffer, termCapacity * cap, capacity * cap)
        termCapacity = capacity
    }

    private mutating func growSlots() {
        slotKeys.deallocate()
        slotValues.deallocate()
        slotStamps.deallocate()
        slotCapacity *= 2
        slotKeys = .allocate(capacity: slotCapacity)
        slotValues = .allocate(capacity: slotCapacity)
        slotStamps = .allocate(capacity: slotCapacity)
        slotStamps.initialize(repeating: 0, count: slotCapacity)
        let mask = slotCapacity - 1
        for n in 0..<termCount {
            var slot = DocumentTokenizer.hash(keys[n]) & mask
            while slotStamps[slot] == stamp { slot = (slot + 1) & mask }
            slotStamps[slot] = stamp
            slotKeys[slot] = keys[n]
            slotValues[slot] = Int32(n)
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
        let text = String(decoding: wordBytes, as: UTF8.self)
        count(local(stringKey(text)), position: position)
        if word.count >= TermKey.prefixMinWord {
            let longest = min(word.count - 1, TermKey.prefixMaxLength)
            if longest >= 2 {
                for length in 2...longest {
                    let prefix = String(decoding: wordBytes[..<wordEnds[length - 1]], as: UTF8.self) + TermKey.prefixMarker
                    count(local(stringKey(prefix)), position: position)
                }
            }
        }
    }

    private mutating func stringKey(_ text: String) -> UInt64 {
        if let i = stringIndex[text] { return DocumentTerms.stringTag | UInt64(i) }
        let i = strings.count
        strings.append(text)
        stringIndex[text] = i
        return DocumentTerms.stringTag | UInt64(i)
    }
}
