import Foundation

/// BM25F parameters. Shards store each posting's counts per field; the browser script and
/// `SearchQuery` read the constants, the average body length and the document count from
/// the manifest, and each block document's body length from `norms/`, and score with
/// `tf = Σ weight × count`, the body's count divided by `1 − b + b × length / average`,
/// saturated as `tf × (k1 + 1) / (tf + k1)`, times the inverse document frequency.
enum Ranking {
    static let k1 = 1.2
    /// Field weights: title, tags, summary, body.
    static let weights: [Double] = [6, 4, 2, 1]
    /// Length normalisation of the body (the other fields are not normalised).
    static let bodyB = 0.75
    /// A word matched only as a prefix (`seg` in `segmentation`) counts this much.
    static let prefixWeight = 0.7

    static let fieldTitle = 0, fieldTags = 1, fieldSummary = 2, fieldBody = 3

    /// Inverse document frequency (BM25, never negative).
    static func idf(df: Int, count: Int) -> Double {
        log(1 + (Double(count) - Double(df) + 0.5) / (Double(df) + 0.5))
    }

    /// The saturated term frequency of one posting's counts (one byte each: title, tags,
    /// summary, body) as if its body had the average length, in (0, k1 + 1).
    ///
    /// It chooses the block of a large term and makes its tail estimate: it depends on the
    /// posting alone, so an edit of another document cannot change which postings a
    /// term keeps whole.
    @inline(__always)
    static func tfPart(counts: UInt32) -> Double {
        let tf = Double(counts & 0xFF) * weights[0] + Double((counts >> 8) & 0xFF) * weights[1]
            + Double((counts >> 16) & 0xFF) * weights[2] + Double(counts >> 24) * weights[3]
        return tf * (k1 + 1) / (tf + k1)
    }

    /// One byte, 1…255.
    @inline(__always)
    static func quantize(_ tfPart: Double) -> UInt8 {
        let q = Int(tfPart / (k1 + 1) * 255 + 0.5)
        return UInt8(truncatingIfNeeded: max(1, min(255, q)))
    }

    static func tfPart(quantized q: UInt8) -> Double {
        Double(q) / 255 * (k1 + 1)
    }
}
