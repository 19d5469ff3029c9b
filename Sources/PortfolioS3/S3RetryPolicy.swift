/// How often a failed request is tried again, and how long to wait between tries: a
/// doubling delay with jitter, so that parallel uploads that failed together do not all
/// come back at the same moment.
public struct S3RetryPolicy: Sendable {
    /// Tries in all, the first included.
    public var attempts: Int
    /// The wait before the second try; it doubles for each try after.
    public var firstDelay: Duration
    /// The longest wait.
    public var maximumDelay: Duration

    /// A policy with these values.
    public init(attempts: Int = 5, firstDelay: Duration = .milliseconds(200), maximumDelay: Duration = .seconds(5)) {
        self.attempts = attempts
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
    }

    /// One try, no waiting: for tests that expect the first failure.
    public static let never = S3RetryPolicy(attempts: 1, firstDelay: .zero, maximumDelay: .zero)

    /// The wait after try number `attempt` (1-based) failed: between half and all of the
    /// doubled delay.
    func delay(after attempt: Int) -> Duration {
        var delay = firstDelay
        for _ in 1..<max(1, attempt) where delay < maximumDelay { delay *= 2 }
        delay = min(delay, maximumDelay)
        return delay / 2 + delay / 2 * Double.random(in: 0...1)
    }
}
