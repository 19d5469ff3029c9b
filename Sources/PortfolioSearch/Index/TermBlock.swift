/// The terms of a run of documents, end to end, as one tokenizer wrote them: each
/// document's terms counted per field, with the first positions of each term.
///
/// One block is made per task, on all cores, straight into these arrays, and the later
/// steps read the blocks in place: a search index of 10,000 documents holds tens of
/// millions of terms, and an array per document (then one copy of them all) made most
/// of the build's fresh memory.
struct TermBlock: Sendable {
    /// The number of the block's first document.
    var firstDocument = 0
    var documentCount = 0
    /// Terms: a CJK key (`TermKey`) or, with `stringTag`, an index into `strings`.
    var keys: [UInt64] = []
    var strings: [String] = []
    /// Per term: counts in title, tags, summary and body, one saturating byte each.
    var counts: [UInt32] = []
    /// Per term (+1): where its positions start in `positions`.
    var positionStarts: [UInt32] = [0]
    var positions: [UInt16] = []
    /// A document's terms are ordered by partition (a hash of the term); partition `p` of
    /// the block's document `i` holds the terms `partitionStarts[i * stride + p]..<
    /// partitionStarts[i * stride + p + 1]`, so merging runs one partition per task.
    var partitionStarts: [UInt32] = []
    /// Per document: field lengths in units (one per CJK character, one per word).
    var lengths: [(UInt32, UInt32, UInt32, UInt32)] = []
    /// Per document: its entry in its `docs/<c>.json`.
    var files: [[UInt8]] = []

    /// Makes room for the terms of documents of `bytes` bytes of UTF-8 text in all, so
    /// that the arrays are not copied as they grow. Chinese text has about one term per
    /// six bytes and one position per four; the room asked is a little more, and room
    /// never written costs no memory.
    mutating func reserve(textBytes bytes: Int, documents: Int) {
        keys.reserveCapacity(bytes / 5 + 64)
        counts.reserveCapacity(bytes / 5 + 64)
        positionStarts.reserveCapacity(bytes / 5 + 65)
        positions.reserveCapacity(bytes / 3 + 64)
        partitionStarts.reserveCapacity(documents * TermBlock.stride)
        lengths.reserveCapacity(documents)
        files.reserveCapacity(documents)
    }

    /// The terms of partition `p` of the block's document `i`, as indexes into `keys`.
    @inline(__always)
    static func terms(of starts: UnsafeBufferPointer<UInt32>, partition p: Int, document i: Int) -> Range<Int> {
        Int(starts[i * stride + p])..<Int(starts[i * stride + p + 1])
    }

    static let stringTag: UInt64 = 3 << 60
    static let partitions = 16
    /// Entries of `partitionStarts` per document.
    static let stride = partitions + 1

    @inline(__always)
    static func partition(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 60)
    }

    static func partition(of string: String) -> Int {
        Int(TermHash.fnv1a(string) >> 28)
    }
}
