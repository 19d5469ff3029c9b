import Foundation
@testable import PortfolioSearch

/// Query-side normalisation, from the files alone: NFKC, lower case, then `fold.json`.
struct QueryNormalizer {
    let fold: [UInt32: UInt32]

    private func map(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        for s in text.lowercased().unicodeScalars { out.append(fold[s.value] ?? s.value) }
        return out
    }

    /// The whole query: NFKC over the whole string, as `String.prototype.normalize` does.
    func normalizeQuery(_ query: String) -> ([UInt32], [CharClass]) {
        let scalars = map(query.precomposedStringWithCompatibilityMapping)
        return (scalars, scalars.map { Normalizer.charClass($0) })
    }

    func normalize(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for v in normalizeQuery(text).0 { if let s = Unicode.Scalar(v) { view.append(s) } }
        return String(view)
    }

    /// Character by character, with the index of the source character of each output one.
    func normalizeTracking(_ text: String) -> (scalars: [UInt32], classes: [CharClass], origins: [Int]) {
        var scalars: [UInt32] = []
        var origins: [Int] = []
        for (i, s) in text.unicodeScalars.enumerated() {
            for v in map(String(s).precomposedStringWithCompatibilityMapping) {
                scalars.append(v)
                origins.append(i)
            }
        }
        return (scalars, scalars.map { Normalizer.charClass($0) }, origins)
    }
}
