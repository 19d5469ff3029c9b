import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `portfolio check --external`: asks every http(s) address outside the site whether it
/// answers, several at a time but never more than `perHost` at once to one host, each
/// within `timeout`. Answers are kept with the time they came in `.portfolio/linkcheck.json`
/// and asked again once older than `maxAge`.
public struct ExternalLinkChecker: Sendable {
    public var timeout: TimeInterval
    public var perHost: Int
    public var maxAge: TimeInterval
    public var cache: URL

    public init(cache: URL, timeout: TimeInterval = 10, perHost: Int = 2, maxAge: TimeInterval = 24 * 3600) {
        self.cache = cache
        self.timeout = timeout
        self.perHost = max(1, perHost)
        self.maxAge = maxAge
    }

    /// A problem at every use of an address that failed, and how many were asked (not
    /// taken from the cache).
    public func check(_ uses: [String: [ExternalUse]], now: Date = Date()) async -> (problems: [CheckProblem], asked: Int) {
        var results = LinkCheckCache.load(cache)
        let stale = uses.keys.filter { url in results[url].map { now.timeIntervalSince($0.checked) > maxAge } ?? true }.sorted()
        let fresh = await ask(stale, now: now)
        for (url, result) in fresh { results[url] = result }
        LinkCheckCache.save(results, to: cache)
        var problems: [CheckProblem] = []
        for (url, places) in uses {
            guard let result = results[url], !result.ok else { continue }
            let age = Self.age(now.timeIntervalSince(result.checked))
            for place in places {
                problems.append(CheckProblem(.error, place.path, line: place.line, "external link \(url) \(result.problem) (checked \(age))"))
            }
        }
        return (problems.sorted(), stale.count)
    }

    /// `just now`, `5 min ago`, `3 h ago`.
    static func age(_ seconds: TimeInterval) -> String {
        seconds < 60 ? "just now" : seconds < 3600 ? "\(Int(seconds / 60)) min ago" : "\(Int(seconds / 3600)) h ago"
    }

    /// Asks each address, host by host, `perHost` at a time per host.
    private func ask(_ urls: [String], now: Date) async -> [String: LinkCheckCache.Result] {
        let byHost = Dictionary(grouping: urls) { URL(string: $0)?.host?.lowercased() ?? "" }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpMaximumConnectionsPerHost = perHost
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        return await withTaskGroup(of: [(String, LinkCheckCache.Result)].self) { group in
            for (_, hostURLs) in byHost {
                let queue = WorkQueue(hostURLs)
                for _ in 0..<min(perHost, hostURLs.count) {
                    group.addTask {
                        var done: [(String, LinkCheckCache.Result)] = []
                        while let url = await queue.next() { done.append((url, await Self.probe(url, session: session, now: now))) }
                        return done
                    }
                }
            }
            var all: [String: LinkCheckCache.Result] = [:]
            for await part in group { for (url, result) in part { all[url] = result } }
            return all
        }
    }

    /// HEAD, then GET when the server does not allow HEAD.
    static func probe(_ url: String, session: URLSession, now: Date) async -> LinkCheckCache.Result {
        guard let address = URL(string: url) else { return .init(status: 0, error: "is not a valid address", checked: now) }
        var status = 0
        for method in ["HEAD", "GET"] {
            var request = URLRequest(url: address)
            request.httpMethod = method
            request.setValue("portfolio-linkcheck", forHTTPHeaderField: "User-Agent")
            do {
                let (_, response) = try await session.data(for: request)
                status = (response as? HTTPURLResponse)?.statusCode ?? 0
            } catch {
                return .init(status: 0, error: (error as? URLError)?.code == .timedOut ? "timed out" : "could not be reached", checked: now)
            }
            if status != 405 && status != 501 { break }
        }
        return .init(status: status, error: nil, checked: now)
    }
}

/// Hands out the addresses of one host to its workers.
actor WorkQueue {
    private var items: [String]
    init(_ items: [String]) { self.items = items.reversed() }
    func next() -> String? { items.popLast() }
}
