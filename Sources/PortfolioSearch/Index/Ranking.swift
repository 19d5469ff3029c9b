import Foundation

/// BM25F parameters and the quantisation of per-posting scores. The browser script and
/// `SearchQuery` read `k1` and the prefix weight from the manifest and use the same formulas.
enum Ranking {
    static let k1 = 1.2
    /// Field weights: title, tags, summary, body.
    static let weights: [Double] = [6, 4, 2, 1]
    /// Length normalisation per field: title, tags, summary, body.
    static let b: [Double] = [0.3, 0.3, 0.5, 0.75]
    /// A word matched only as a prefix (`seg` in `segmentation`) counts this much.
    static let prefixWeight = 0.7

    static let fieldTitle = 0, fieldTags = 1, fieldSummary = 2, fieldBody = 3

    /// Inverse document frequency (BM25, never negative).
    static func idf(df: Int, count: Int) -> Double {
        log(1 + (Double(count) - Double(df) + 0.5) / (Double(df) + 0.5))
    }

    /// A field's weight over its length normalisation, for one document.
    static func fieldFactor(field f: Int, length: UInt32, average: Double) -> Double {
        let avg = average > 0 ? average : 1
        return weights[f] / (1 - b[f] + b[f] * Double(length) / avg)
    }

    /// The saturated term frequency of one posting, in (0, k1 + 1): BM25F, each field's
    /// count times its factor.
    @inline(__always)
    static func tfPart(counts: UInt32, factors: UnsafeBufferPointer<Double>, at base: Int, k1: Double) -> Double {
        let tf = Double(counts & 0xFF) * factors[base] + Double((counts >> 8) & 0xFF) * factors[base + 1]
            + Double((counts >> 16) & 0xFF) * factors[base + 2] + Double(counts >> 24) * factors[base + 3]
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
