/// Where the preview server keeps the views it records. Counts here do not include the
/// front matter baseline; the counter API adds it.
public protocol ViewCountStore: Sendable {
    /// Records one view of `id`; returns the views recorded for it so far.
    func increment(_ id: String) async throws -> Int
    /// The views recorded for each id (0 for an id never seen).
    func counts(_ ids: [String]) async throws -> [String: Int]
}
