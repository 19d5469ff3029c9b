/// The build's Traditional → Simplified character table, for code outside the search
/// index (the theme's 繁簡 switch uses the same table the index folds with).
public enum ScriptFold {
    /// Every Han ideograph the fold changes and its Simplified form, ascending.
    public static var traditionalToSimplified: [(from: Unicode.Scalar, to: Unicode.Scalar)] {
        HanFold.changes.compactMap { pair in
            guard HanFold.ranges.contains(where: { $0.contains(pair.from) }),
                  let from = Unicode.Scalar(pair.from), let to = Unicode.Scalar(pair.to) else { return nil }
            return (from, to)
        }
    }
}
