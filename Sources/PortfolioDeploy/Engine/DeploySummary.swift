import PortfolioSite

/// What a deploy to object storage did: `N uploaded (SIZE), N unchanged, N deleted in T s`.
public struct DeploySummary: Sendable, Equatable, CustomStringConvertible {
    /// Objects uploaded, and their bytes.
    public var uploaded: Int
    public var uploadedBytes: Int
    /// Objects the store already had with the same bytes.
    public var unchanged: Int
    /// Remote objects deleted because their files are gone.
    public var deleted: Int
    /// The time the deploy took.
    public var seconds: Double
    /// A dry run: the counts are what a deploy would do.
    public var dryRun: Bool

    /// A summary of these counts.
    public init(uploaded: Int, uploadedBytes: Int, unchanged: Int, deleted: Int, seconds: Double, dryRun: Bool) {
        self.uploaded = uploaded
        self.uploadedBytes = uploadedBytes
        self.unchanged = unchanged
        self.deleted = deleted
        self.seconds = seconds
        self.dryRun = dryRun
    }

    /// `N uploaded (SIZE), N unchanged, N deleted in T s`.
    public var description: String {
        let counts = "\(uploaded) uploaded (\(ByteCount.format(uploadedBytes))), \(unchanged) unchanged, \(deleted) deleted"
        return (dryRun ? "dry run, nothing changed: would be " : "") + counts + " in \(BuildLog.format(seconds))"
    }
}
