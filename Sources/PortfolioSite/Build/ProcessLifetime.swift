import Foundation

/// Values kept until the process exits. The operating system reclaims a process's memory
/// at once; freeing a large site's articles and pages one by one first only delays exit.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []
    private static let lock = NSLock()

    static func keep(_ values: [Any]) {
        lock.lock()
        defer { lock.unlock() }
        kept += values
    }
}
