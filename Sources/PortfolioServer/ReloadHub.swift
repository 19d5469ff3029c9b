import Foundation

/// Hands every build's outcome to the browsers listening on the event stream, and
/// remembers the current state (the build served, the errors of the last build) for
/// browsers that connect later.
public final class ReloadHub: @unchecked Sendable {
    private let lock = NSLock()
    private let instance = String(UInt32.random(in: 0...UInt32.max), radix: 16)
    private var number = 0
    private var problems: [BuildProblem] = []
    private var listeners: [Int: AsyncStream<ServerEvent>.Continuation] = [:]
    private var nextID = 0
    private var closed = false

    public init() {}

    /// The build being served, e.g. `3fa2c1-4`; it changes with every good build, so a
    /// browser that reconnects after missing an event still notices.
    public var build: String {
        lock.withLock { "\(instance)-\(number)" }
    }

    /// The errors of the last build, empty when it succeeded.
    public var currentProblems: [BuildProblem] {
        lock.withLock { problems }
    }

    /// Whether `close()` was called.
    public var isClosed: Bool {
        lock.withLock { closed }
    }

    /// How many browsers are listening.
    public var listenerCount: Int {
        lock.withLock { listeners.count }
    }

    /// A stream of events that starts with `hello` (the current state), so nothing
    /// published after the call is missed. It ends when `close()` is called.
    public func subscribe() -> AsyncStream<ServerEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ServerEvent.self, bufferingPolicy: .bufferingNewest(64))
        lock.lock()
        defer { lock.unlock() }
        continuation.yield(.hello(build: "\(instance)-\(number)", problems: problems))
        guard !closed else {
            continuation.finish()
            return stream
        }
        let id = nextID
        nextID += 1
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            self?.lock.withLock { _ = self?.listeners.removeValue(forKey: id) }
        }
        return stream
    }

    /// A good build: browsers reload, or swap stylesheets when only CSS changed.
    @discardableResult
    public func built(stylesheetsOnly: Bool) -> ServerEvent {
        lock.lock()
        number += 1
        problems = []
        let build = "\(instance)-\(number)"
        lock.unlock()
        let event: ServerEvent = stylesheetsOnly ? .stylesheets(build: build) : .reload(build: build)
        send(event)
        return event
    }

    /// A failed build: browsers show the errors over the last good page.
    public func failed(_ problems: [BuildProblem]) {
        lock.withLock { self.problems = problems }
        send(.failed(problems))
    }

    /// Sends an event to every listener.
    public func send(_ event: ServerEvent) {
        let targets = lock.withLock { Array(listeners.values) }
        for continuation in targets { continuation.yield(event) }
    }

    /// Ends every stream (and any later one), so the server can shut down.
    public func close() {
        let targets = lock.withLock { () -> [AsyncStream<ServerEvent>.Continuation] in
            closed = true
            defer { listeners = [:] }
            return Array(listeners.values)
        }
        for continuation in targets { continuation.finish() }
    }
}
