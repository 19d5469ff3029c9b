/// A day and an article, the key of the views-per-day table.
public struct DayKey: Hashable, Sendable {
    public var day: Int
    public var id: String

    public init(day: Int, id: String) {
        self.day = day
        self.id = id
    }
}

/// What a batch adds to the counts: the views that counted, per article and per day and
/// article. Every store's `record` writes these totals after deciding which views count.
public struct ViewTally: Sendable {
    public private(set) var perID: [String: Int] = [:]
    public private(set) var perDay: [DayKey: Int] = [:]

    /// The tally of `views` where `counted` is true, view by view.
    public init(_ views: [RecordedView], counted: [Bool]) {
        for (view, counts) in zip(views, counted) where counts {
            perID[view.id, default: 0] += 1
            perDay[DayKey(day: view.day, id: view.id), default: 0] += 1
        }
    }
}
