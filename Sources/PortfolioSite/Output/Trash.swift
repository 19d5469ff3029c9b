import Foundation

/// Removes old output folders without making the build wait for it. Deleting tens of
/// thousands of files takes seconds on some disks (about 9 s for the benchmark site
/// here, where the file system discards every freed block), so the folder is renamed to
/// `.NAME.trash-PID` and handed to a detached `rm -rf`. Trash left by an interrupted
/// run is picked up by the next build.
enum Trash {
    static func dispose(_ folder: URL) {
        let parent = folder.deletingLastPathComponent()
        let name = folder.lastPathComponent
        let base = [".staging-", ".old-", ".spare"].lazy.compactMap { name.range(of: $0) }.first
            .map { String(name[..<$0.lowerBound]) } ?? name
        let trash = parent.appendingPathComponent("\(base).trash-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard rename(folder.path, trash.path) == 0 else {
            try? FileManager.default.removeItem(at: folder)
            return
        }
        remove(trash)
    }

    /// Starts removing leftover trash of earlier runs beside `output`, and the staging
    /// folders of builds that were interrupted (their process is gone).
    static func sweep(besides output: URL) {
        let parent = output.deletingLastPathComponent()
        let trash = ".\(output.lastPathComponent).trash-", staging = ".\(output.lastPathComponent).staging-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names.sorted() {
            if name.hasPrefix(trash) {
                remove(parent.appendingPathComponent(name))
            } else if name.hasPrefix(staging), let pid = Int32(name.dropFirst(staging.count)), !isRunning(pid) {
                dispose(parent.appendingPathComponent(name))
            }
        }
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    private static func remove(_ folder: URL) {
        let rm = Process()
        rm.executableURL = URL(fileURLWithPath: "/bin/rm")
        rm.arguments = ["-rf", "--", folder.path]
        do { try rm.run() } catch { try? FileManager.default.removeItem(at: folder) }
    }
}
