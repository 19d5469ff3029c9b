/// `norms/<c>.bin`: each document's body length in one byte, `chunk` documents a file,
/// by document number.
///
/// The lengths live here and not in the shards so that an edit that changes one
/// article's length rewrites one chunk and no shard; the site-wide average is in the
/// manifest. The byte is Lucene's `SmallFloat.intToByte4` scheme: lengths below
/// `exact` as they are, longer ones with three significant bits (steps of at most
/// 12.5%), decoded with integer arithmetic only so that the browser and Swift agree.
/// Only the body is normalised: titles, tags and summaries are short and alike, and
/// a byte each for them would triple what a query fetches.
enum NormsFile {
    /// Documents per file: a query needs the norms of the documents in its terms' blocks,
    /// which are spread over the whole collection, so few large files beat many small ones.
    static let chunk = 4096
    /// Lengths stored as themselves.
    static let exact = 24

    /// The byte for a length (rounded down to a representable length).
    static func encode(_ length: UInt32) -> UInt8 {
        let l = Int(length)
        if l < exact { return UInt8(l) }
        let v = l - exact
        let bits = Int.bitWidth - v.leadingZeroBitCount
        // Below 8 a value is its own code; above, 3 bits under the top one and the shift.
        let code = bits < 4 ? v : ((v >> (bits - 4)) & 7) | ((bits - 3) << 3)
        return UInt8(min(255, exact + code))
    }

    /// The length a byte stands for.
    static func decode(_ byte: UInt8) -> Int {
        let i = Int(byte)
        if i < exact { return i }
        let code = i - exact
        let shift = (code >> 3) - 1
        return exact + (shift < 0 ? code & 7 : (code & 7 | 8) << shift)
    }

    /// The chunk files of the body lengths, in document order, keyed by path.
    static func files(bodyLengths: [UInt32]) -> [(String, [UInt8])] {
        stride(from: 0, to: bodyLengths.count, by: chunk).map { start in
            let end = min(bodyLengths.count, start + chunk)
            return ("norms/\(start / chunk).bin", bodyLengths[start..<end].map(encode))
        }
    }
}
