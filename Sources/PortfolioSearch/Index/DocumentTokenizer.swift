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
    // Words (and prefixes) of the current document: their strings, partitions and bytes
    // end to end, found through `wordSlots` (see `DocumentTokenizer+Words`).
    var strings: [String] = []
    var stringPartitions: [UInt8] = []
    var wordBytesSeen: [UInt8] = []
    var wordStarts: [Int] = [0]
    var wordSlots: UnsafeMutablePointer<WordSlot>
    var wordSlotCapacity: Int
    var wordBytes: [UInt8] = []
    var prefixBytes: [UInt8] = []
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
        wordSlotCapacity = 1024
        wordSlots = .allocate(capacity: wordSlotCapacity)
        wordSlots.initialize(repeating: WordSlot(), count: wordSlotCapacity)
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
        wordSlots.deallocate()
        keys.deallocate()
        counts.deallocate()
        positionCounts.deallocate()
        positionBuffer.deallocate()
    }

    /// Appends the terms of `doc` to `block`, as the block's next document.
    mutating func add(_ doc: SearchDocument, to block: inout TermBlock) {
        reset()
        var position = 0
        position = add(doc.title, field: Ranking.fieldTitle, at: position) + Tokenizer.fieldGap
        for tag in doc.tags {
            position = add(tag, field: Ranking.fieldTags, at: position) + Tokenizer.fieldGap
        }
        position = add(doc.summary, field: Ranking.fieldSummary, at: position) + Tokenizer.fieldGap
        _ = add(doc.body, field: Ranking.fieldBody, at: position)
        append(to: &block)
        block.lengths.append(lengths)
        block.documentCount += 1
    }

    /// The terms of one document, as a block of its own.
    mutating func terms(of doc: SearchDocument) -> TermBlock {
        var block = TermBlock()
        add(doc, to: &block)
        return block
    }

    /// The partition of every local term.
    private func partitionsOfTerms() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: termCount) { partOf, initialized in
            for i in 0..<termCount {
                let key = keys[i]
                partOf[i] = key >> 60 == 3 ? stringPartitions[Int(key & 0xFFFF_FFFF)] : UInt8(TermBlock.partition(of: key))
            }
            initialized = termCount
        }
    }

    /// Appends the local terms, counts and positions to the block, ordered by partition
    /// (a stable counting sort), with the document's partition boundaries. Each array is
    /// filled in order first and appended whole.
    private func append(to block: inout TermBlock) {
        let n = termCount, cap = DocumentTokenizer.positionCap
        let partOf = partitionsOfTerms()
        var starts = [Int](repeating: 0, count: TermBlock.stride)
        for i in 0..<n { starts[Int(partOf[i]) + 1] += 1 }
        for p in 0..<TermBlock.partitions { starts[p + 1] += starts[p] }
        let base = block.keys.count, stringBase = UInt64(block.strings.count)
        for p in 0...TermBlock.partitions { block.partitionStarts.append(UInt32(base + starts[p])) }
        block.strings.append(contentsOf: strings)
        var order = [Int](repeating: 0, count: n)
        var cursor = starts
        var total = 0
        for i in 0..<n {
            let p = Int(partOf[i])
            order[cursor[p]] = i
            cursor[p] += 1
            total += Int(positionCounts[i])
        }
        let keys = self.keys, counts = self.counts, positionCounts = self.positionCounts, buffer = self.positionBuffer
        block.keys.append(contentsOf: [UInt64](unsafeUninitializedCapacity: n) { out, count in
            for (k, i) in order.enumerated() {
                let key = keys[i]
                out[k] = key >> 60 == 3 ? TermBlock.stringTag | (stringBase + (key & 0xFFFF_FFFF)) : key
            }
            count = n
        })
        block.counts.append(contentsOf: [UInt32](unsafeUninitializedCapacity: n) { out, count in
            for (k, i) in order.enumerated() { out[k] = counts[i] }
            count = n
        })
        var ends = [UInt32](repeating: 0, count: n)
        let first = block.positions.count
        block.positions.append(contentsOf: [UInt16](unsafeUninitializedCapacity: total) { out, count in
            var o = 0
            for (k, i) in order.enumerated() {
                let c = Int(positionCounts[i])
                if c > 0 { (out.baseAddress! + o).update(from: buffer + i * cap, count: c) }
                o += c
                ends[k] = UInt32(first + o)
            }
            count = o
        })
        block.positionStarts.append(contentsOf: ends)
    }

    private mutating func reset() {
        stamp &+= 1
        if stamp == 0 {
            slots.update(repeating: TermSlot(), count: slotCapacity)
            stamp = 1
        }
        termCount = 0
        resetWords()
        lengths = (0, 0, 0, 0)
    }
}
