/// How honest the counting is: how long a visitor's repeat view of an article is not
/// counted again, and which User-Agents are not counted at all.
public struct CountingRules: Sendable {
    /// Seconds; 0 counts every view.
    public var window: Int
    /// nil counts bots too.
    public var bots: BotFilter?

    public init(window: Int, bots: BotFilter?) {
        self.window = window
        self.bots = bots
    }

    /// The hosted service's rules: one view per visitor and article each half hour, bots
    /// of the built-in list not counted.
    public static let hosted = CountingRules(window: 30 * 60, bots: .standard)
    /// The preview's: every view counts, so the writer sees the number move.
    public static let preview = CountingRules(window: 0, bots: nil)
}

/// The client a request came from, as the counter needs it. The address is used for the
/// visitor key and the rate limit and never stored.
public struct Viewer: Sendable {
    public var address: String
    public var userAgent: String?

    public init(address: String, userAgent: String?) {
        self.address = address
        self.userAgent = userAgent
    }
}

/// An answer of the counter API: an HTTP status and a JSON body.
public struct CounterAnswer: Sendable, Equatable {
    public var status: Int
    public var json: String

    public init(status: Int, json: String) {
        self.status = status
        self.json = json
    }
}

/// What the counter has done since it started, for its log line and its metrics.
public struct CounterTotals: Sendable, Equatable {
    public var counted = 0
    public var repeats = 0
    public var bots = 0
    public var unknown = 0
    public var reads = 0
    public var refused = 0
    public var limited = 0
    public var failed = 0

    public init() {}

    /// What happened between `earlier` and this.
    public func since(_ earlier: CounterTotals) -> CounterTotals {
        var delta = CounterTotals()
        delta.counted = counted - earlier.counted
        delta.repeats = repeats - earlier.repeats
        delta.bots = bots - earlier.bots
        delta.unknown = unknown - earlier.unknown
        delta.reads = reads - earlier.reads
        delta.refused = refused - earlier.refused
        delta.limited = limited - earlier.limited
        delta.failed = failed - earlier.failed
        return delta
    }

    /// One log line: `views 120 counted, 14 repeats, 3 bots; …`.
    public var line: String {
        "views: \(counted) counted, \(repeats) repeats, \(bots) from bots, \(unknown) unknown ids; "
            + "\(reads) reads; \(refused) refused (origin), \(limited) rate-limited, \(failed) failed"
    }
}
