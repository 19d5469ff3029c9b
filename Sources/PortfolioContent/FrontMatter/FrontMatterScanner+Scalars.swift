import PortfolioCore

extension FrontMatterScanner {
    /// A scalar filling `[start, end)`: quoted on one line without escapes, or plain.
    /// In a flow list (`flow`), plain text may not hold `,:[]{}#`.
    func scalar(_ start: Int, _ end: Int, flow: Bool) -> RawYAML? {
        switch bytes[start] {
        case 34: return doubleQuoted(start, end)
        case 39: return singleQuoted(start, end)
        default: return plain(start, end, flow: flow)
        }
    }

    private func doubleQuoted(_ start: Int, _ end: Int) -> RawYAML? {
        var close = start + 1
        while close < end, bytes[close] != 34 {
            if bytes[close] == 92 { return nil }  // escapes are Yams's to read
            close += 1
        }
        guard close < end, onlySpaces(close + 1, end) else { return nil }
        return .scalar(text(start + 1, close), plain: false)
    }

    private func singleQuoted(_ start: Int, _ end: Int) -> RawYAML? {
        var pieces: [String] = []
        var run = start + 1, i = start + 1
        while i < end {
            if bytes[i] == 39 {
                pieces.append(text(run, i))
                guard i + 1 < end, bytes[i + 1] == 39 else {
                    guard onlySpaces(i + 1, end) else { return nil }
                    return .scalar(pieces.joined(separator: "'"), plain: false)
                }
                i += 2
                run = i
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Plain text: it may not start with an indicator (`-` only before a digit), hold
    /// `: ` or ` #`, or end with `:`; trailing spaces are not part of it.
    private func plain(_ start: Int, _ end: Int, flow: Bool) -> RawYAML? {
        let head = bytes[start]
        if Self.indicators.contains(head) { return nil }
        if head == 45, !(start + 1 < end && bytes[start + 1] >= 48 && bytes[start + 1] <= 57) { return nil }
        var last = end
        while last > start, bytes[last - 1] == 32 { last -= 1 }
        guard bytes[last - 1] != 58 else { return nil }
        for i in start..<last {
            let b = bytes[i]
            if b == 58, bytes[i + 1] == 32 { return nil }
            if b == 35, bytes[i - 1] == 32 { return nil }
            if flow, b == 44 || b == 58 || b == 91 || b == 93 || b == 123 || b == 125 || b == 35 { return nil }
        }
        return .scalar(text(start, last), plain: true)
    }

    /// Bytes that begin YAML syntax other than a plain scalar (`-` is decided apart).
    static let indicators: Set<UInt8> = Set("?:,[]{}#&*!|>'\"%@`".utf8)

    func onlySpaces(_ start: Int, _ end: Int) -> Bool {
        (start..<end).allSatisfy { bytes[$0] == 32 }
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// ASCII letters, digits, `_` and `-`: the keys the scanner reads itself.
    static func isKeyByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 95 || b == 45
    }

    /// False when the text holds anything YAML treats specially beyond line feeds and
    /// spaces: tabs, other control characters, a carriage return not before a line
    /// feed, the byte order mark, U+FFFE/U+FFFF, C1 controls, or the line breaks
    /// U+0085, U+2028 and U+2029.
    static func isSimpleText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 32 {
                guard b == 10 || (b == 13 && i + 1 < bytes.count && bytes[i + 1] == 10) else { return false }
            } else if b == 127 {
                return false
            } else if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] < 0xA0 {
                return false
            } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                return false
            } else if b == 0xEF, i + 2 < bytes.count,
                      (bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF) || (bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE) {
                return false
            }
            i += 1
        }
        return true
    }
}
