/// Progress of a deploy's uploads: on a terminal one line rewritten in place, otherwise a
/// plain line at every tenth of the work (a log stays short and readable).
public actor DeployProgress {
    /// How progress is shown.
    public enum Style: Sendable {
        /// One line updated with `\r` (a terminal).
        case inPlace
        /// Plain lines (a pipe, a file, CI).
        case lines
    }

    /// Erases the rest of a terminal line, after `\r`.
    static let clearLine = "\u{1B}[K"
    let style: Style
    let write: @Sendable (String) -> Void
    var total = 0
    var totalBytes = 0
    var done = 0
    var bytes = 0
    var shownTenths = 0
    var lineOpen = false

    /// Progress written through `write`, which gets text with its own line ends.
    public init(style: Style, write: @escaping @Sendable (String) -> Void) {
        self.style = style
        self.write = write
    }

    /// Starts counting `count` uploads of `bytes` in all.
    public func start(uploads count: Int, bytes: Int) {
        total = count
        totalBytes = bytes
        done = 0
        self.bytes = 0
        shownTenths = 0
    }

    /// One upload has finished.
    public func uploaded(size: Int) {
        done += 1
        bytes += size
        let line = "uploaded \(done)/\(total) (\(ByteCount.format(bytes)) of \(ByteCount.format(totalBytes)))"
        switch style {
        case .inPlace:
            write("\r" + line + Self.clearLine)
            lineOpen = true
        case .lines:
            let tenths = total == 0 ? 10 : done * 10 / total
            if tenths > shownTenths {
                shownTenths = tenths
                write(line + "\n")
            }
        }
    }

    /// A line of its own (a plan line, a step, the summary), after any in-place line.
    public func say(_ line: String) {
        endLine()
        write(line + "\n")
    }

    /// Ends the in-place line, so that what follows starts on a line of its own.
    public func endLine() {
        if lineOpen { write("\n") }
        lineOpen = false
    }
}
