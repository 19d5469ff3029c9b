import Prometheus
import PortfolioCounter

/// The counter's Prometheus metrics, brought up to date from its totals at each scrape.
actor CounterMetrics {
    private let registry: PrometheusCollectorRegistry
    private var reported = CounterTotals()
    private var reportedBatches = 0
    /// Per outcome of a view request (and reads), its metric.
    private let outcomes: [String: Counter]
    private let batches: Counter
    private let articles: Gauge

    init() {
        let registry = PrometheusCollectorRegistry()
        let views = MetricNameDescriptor(namespace: "portfolio_counter", metricName: "views", unitName: "total",
                                         helpText: "Requests to record a view, by what became of them.")
        var outcomes: [String: Counter] = [:]
        for outcome in Self.names { outcomes[outcome] = registry.makeCounter(descriptor: views, labels: [("outcome", outcome)]) }
        outcomes["reads"] = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "portfolio_counter", metricName: "reads", unitName: "total", helpText: "Batch reads answered."))
        batches = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "portfolio_counter", metricName: "commits", unitName: "total",
            helpText: "Transactions committed; each holds a batch of views."))
        articles = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "portfolio_counter", metricName: "articles", unitName: "count", helpText: "Articles in the loaded manifest."))
        self.outcomes = outcomes
        self.registry = registry
    }

    static let names = ["counted", "repeat", "bot", "unknown_id", "refused_origin", "rate_limited", "failed"]

    static func values(_ totals: CounterTotals) -> [String: Int] {
        ["counted": totals.counted, "repeat": totals.repeats, "bot": totals.bots, "unknown_id": totals.unknown,
         "refused_origin": totals.refused, "rate_limited": totals.limited, "failed": totals.failed, "reads": totals.reads]
    }

    func text(_ counter: ViewCounter) async -> String {
        let totals = await counter.totals
        let now = Self.values(totals), before = Self.values(reported)
        for (name, metric) in outcomes { metric.increment(by: Int64(now[name]! - before[name]!)) }
        reported = totals
        let commits = await counter.commitTotals()
        batches.increment(by: Int64(commits.batches - reportedBatches))
        reportedBatches = commits.batches
        articles.set(Double(await counter.manifest.baselines.count))
        return registry.emitToString()
    }
}
