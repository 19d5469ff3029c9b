import Foundation

/// Named, timed steps: `[2/8] content  412 ms  10000 files`.
public final class BuildLog: @unchecked Sendable {
    private let sink: @Sendable (String) -> Void
    private let total: Int
    private var index = 0
    /// (step name, seconds) for every finished step.
    public private(set) var timings: [(String, Double)] = []

    public init(steps: Int, sink: @escaping @Sendable (String) -> Void) {
        self.total = steps
        self.sink = sink
    }

    /// Runs a step, prints its name, time and the detail it returns.
    public func step<T, E: Error>(_ name: String, _ body: () throws(E) -> (T, String)) throws(E) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let (value, detail) = try body()
        finished(name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, detail: detail)
        return value
    }

    /// Logs a step that has ended: its number, name, time and detail.
    func finished(_ name: String, seconds: Double, detail: String) {
        index += 1
        timings.append((name, seconds))
        let label = "[\(index)/\(total)] \(name)".padding(toLength: 22, withPad: " ", startingAt: 0)
        let time = Self.format(seconds).leftPadded(to: 9)
        sink("\(label)\(time)  \(detail)")
    }

    /// Prints a line as is.
    public func say(_ line: String) { sink(line) }

    /// `412 ms` or `1.24 s`.
    public static func format(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.2f s", seconds)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
