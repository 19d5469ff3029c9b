import Foundation
import PortfolioCore

/// Replaces a folder with another in one step. On Linux this is `renameat2` with
/// `RENAME_EXCHANGE`, looked up at run time because Glibc's Swift overlay does not
/// declare it; where it is missing, two renames are the fallback.
enum AtomicSwap {
    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameat2: Renameat2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Renameat2.self)
    }()
    private static let exchange: UInt32 = 2  // RENAME_EXCHANGE

    /// Puts `staging` in place of `target`; returns where the old `target` now is, if
    /// there was one.
    static func replace(_ target: URL, with staging: URL) throws(PortfolioError) -> URL? {
        let fm = FileManager.default
        let at = SourceLocation(path: target.path)
        guard fm.fileExists(atPath: target.path) else {
            guard rename(staging.path, target.path) == 0 else {
                throw PortfolioError(.output, "cannot move the new output into place: \(String(cString: strerror(errno)))", at: at)
            }
            return nil
        }
        if let swap = renameat2, swap(AT_FDCWD, staging.path, AT_FDCWD, target.path, exchange) == 0 {
            return staging  // now holds the old output
        }
        let old = staging.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
        try? fm.removeItem(at: old)
        guard rename(target.path, old.path) == 0 else {
            throw PortfolioError(.output, "cannot move the old output aside: \(String(cString: strerror(errno)))", at: at)
        }
        guard rename(staging.path, target.path) == 0 else {
            _ = rename(old.path, target.path)
            throw PortfolioError(.output, "cannot move the new output into place: \(String(cString: strerror(errno)))", at: at)
        }
        return old
    }
}
