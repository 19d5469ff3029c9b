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
