extension Int {
    /// The sum, or the nearest bound of `Int` when it does not fit: a view count comes from
    /// files and requests the server does not control, and must never trap or wrap.
    public func saturatingAdding(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }
}
