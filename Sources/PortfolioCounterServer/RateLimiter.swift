/// How many views each client recorded this minute, to refuse the ones over the limit.
/// Kept in memory only, and forgotten each minute.
public actor RateLimiter {
    public let perMinute: Int
    private var minute = Int.min
    private var used: [String: Int] = [:]

    /// `perMinute` 0 allows everything.
    public init(perMinute: Int) {
        self.perMinute = perMinute
    }

    /// Whether `client` may record one more view at `time` (seconds since 1970).
    public func allow(_ client: String, at time: Int) -> Bool {
        guard perMinute > 0 else { return true }
        let now = time >= 0 ? time / 60 : (time - 59) / 60
        if now != minute {
            minute = now
            used.removeAll(keepingCapacity: true)
        }
        let count = used[client, default: 0]
        guard count < perMinute else { return false }
        used[client] = count + 1
        return true
    }

    /// Seconds until the next minute starts, for `Retry-After`.
    public func retryAfter(at time: Int) -> Int {
        60 - ((time % 60) + 60) % 60
    }
}
