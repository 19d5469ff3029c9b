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

    let fold: [UInt32] = HanFold.table
    // Cache for other BMP characters: class + 1 (0: not seen yet; 0xFF: several scalars,
    // see `multi`), and the single normalised scalar.
    var bmpClass = [UInt8](repeating: 0, count: 0x10000)
    var bmpValue = [UInt32](repeating: 0, count: 0x10000)
    var multi: [UInt32: ([UInt32], [CharClass])] = [:]

    // Normalised text of the current field.
    var scalars: UnsafeMutablePointer<UInt32>
    var classes: UnsafeMutablePointer<UInt8>
    var textCount = 0
    var textCapacity: Int

    // Open-addressing map from key to local term number, cleared by bumping `stamp`.
    // Key, number and stamp share a slot, so a probe reads one cache line.
    var slots: UnsafeMutablePointer<TermSlot>
    var slotCapacity: Int
    var stamp: UInt32 = 1

    // Local terms.
    var keys: UnsafeMutablePointer<UInt64>
    var counts: UnsafeMutablePointer<UInt32>
    var positionCounts: UnsafeMutablePointer<UInt8>
    var positionBuffer: UnsafeMutablePointer<UInt16>
    var termCapacity: Int
    var termCount = 0
    var strings: [String] = []
    var stringIndex: [String: Int] = [:]
    var wordBytes: [UInt8] = []
    var wordEnds: [Int] = []

    var shift: UInt32 = 0
    var lengths: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)


    init() {
        textCapacity = 16384
        scalars = .allocate(capacity: textCapacity)
        classes = .allocate(capacity: textCapacity)
        slotCapacity = 8192
        slots = .allocate(capacity: slotCapacity)
        slots.initialize(repeating: TermSlot(), count: slotCapacity)
        termCapacity = 4096
        keys = .allocate(capacity: termCapacity)
        counts = .allocate(capacity: termCapacity)
        positionCounts = .allocate(capacity: termCapacity)
        positionBuffer = .allocate(capacity: termCapacity * DocumentTokenizer.positionCap)
    }

    deinit {
        scalars.deallocate()
        classes.deallocate()
        slots.deallocate()
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
        let (order, starts) = partitionOrder()
        return collect(order: order, partitionStarts: starts)
    }

    /// Local terms ordered by partition (a counting sort, stable), and where each partition starts.
    private func partitionOrder() -> (order: [Int], starts: [UInt32]) {
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
        return (order, starts)
    }

    /// The local terms, counts and positions in `order`, copied out of the reused buffers.
    private func collect(order: [Int], partitionStarts starts: [UInt32]) -> DocumentTerms {
        let n = termCount
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
            slots.update(repeating: TermSlot(), count: slotCapacity)
            stamp = 1
        }
        termCount = 0
        strings.removeAll(keepingCapacity: true)
        stringIndex.removeAll(keepingCapacity: true)
        lengths = (0, 0, 0, 0)
    }
}
