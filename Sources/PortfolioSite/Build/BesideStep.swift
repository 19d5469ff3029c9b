import Dispatch

/// A step that runs on another thread while the build goes on with the next one, such
/// as the search index beside the pages: each leaves a core idle at times (a long last
/// task, work done on one thread), and the other fills it. `wait` logs the step with
/// the time it took on its own.
final class BesideStep<T>: @unchecked Sendable {
    private let name: String
    private let done = DispatchSemaphore(value: 0)
    // Written once by the step's thread before `done` is signalled, read after the wait.
    private var outcome: (value: T, detail: String, seconds: Double)?

    init(_ name: String, _ body: @escaping @Sendable () -> (T, String)) {
        self.name = name
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let start = DispatchTime.now().uptimeNanoseconds
            let (value, detail) = body()
            outcome = (value, detail, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            done.signal()
        }
    }

    /// Waits for the step to end, logs it and returns its value.
    func wait(log: BuildLog, alongside other: String) -> T {
        done.wait()
        let outcome = outcome!
        log.finished(name, seconds: outcome.seconds, detail: "\(outcome.detail) (alongside \(other))")
        return outcome.value
    }
}
