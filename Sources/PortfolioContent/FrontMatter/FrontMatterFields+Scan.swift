import PortfolioCore

extension FrontMatterFields {
    /// Reads front matter written in the simple form almost every article uses, without
    /// a YAML parser: `key: value` lines at the left margin, where a value is a plain
    /// scalar, a one-line quoted string without escapes, a one-line `[a, b]` list, or
    /// nothing, followed by `- item` lines. Blank and `#` comment lines are skipped.
    /// Returns nil at the first thing outside that form, so that Yams reads the text.
    init?(scanning yaml: String, path: String, firstLine: Int) {
        var yaml = yaml
        let fields = yaml.withUTF8 { bytes -> FrontMatterFields? in
            var scanner = FrontMatterScanner(bytes: bytes, fields: FrontMatterFields(path: path, firstLine: firstLine))
            return scanner.run()
        }
        guard let fields else { return nil }
        self = fields
    }
}

/// The line-by-line reader behind `FrontMatterFields(scanning:)`.
struct FrontMatterScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var fields: FrontMatterFields
    /// A key whose value was empty: `- item` lines that follow make it a sequence.
    private var open: (key: String, line: Int, indent: Int?, items: [RawYAML])?

    init(bytes: UnsafeBufferPointer<UInt8>, fields: FrontMatterFields) {
        self.bytes = bytes
        self.fields = fields
    }

    mutating func run() -> FrontMatterFields? {
        guard Self.isSimpleText(bytes) else { return nil }
        var start = 0, line = fields.firstLine
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            let next = end + 1
            if end > start, bytes[end - 1] == 13 { end -= 1 }
            guard readLine(start, end, line: line) else { return nil }
            start = next
            line += 1
        }
        guard closeOpenKey() else { return nil }
        return fields
    }

    /// One line, `[start, end)` without its line break; false when it is outside the form.
    private mutating func readLine(_ start: Int, _ end: Int, line: Int) -> Bool {
        var first = start
        while first < end, bytes[first] == 32 { first += 1 }
        if first == end || bytes[first] == 35 { return true }  // blank or `# comment`
        if bytes[first] == 45, first + 1 == end || bytes[first + 1] == 32 {
            return readItem(from: first, indent: first - start, end: end, line: line)
        }
        guard first == start, closeOpenKey() else { return false }
        var colon = start
        while colon < end, Self.isKeyByte(bytes[colon]) { colon += 1 }
        guard colon > start, colon < end, bytes[colon] == 58, colon + 1 == end || bytes[colon + 1] == 32 else { return false }
        let key = text(start, colon)
        var value = colon + 1
        while value < end, bytes[value] == 32 { value += 1 }
        if value == end {
            guard fields[key] == nil else { return false }
            open = (key, line, nil, [])
            return true
        }
        guard let raw = bytes[value] == 91 ? flowSequence(value, end) : scalar(value, end, flow: false) else { return false }
        return fields.add(key, .init(value: raw, line: line))
    }

    /// A `- item` line under a key with an empty value.
    private mutating func readItem(from dash: Int, indent: Int, end: Int, line: Int) -> Bool {
        guard var current = open, current.indent == nil || current.indent == indent else { return false }
        var value = dash + 1
        while value < end, bytes[value] == 32 { value += 1 }
        guard value < end, let item = scalar(value, end, flow: false) else { return false }
        if current.indent == nil { current.line = line }
        current.indent = indent
        current.items.append(item)
        open = current
        return true
    }

    /// Ends the value of a key left open: its items, or an empty plain scalar.
    private mutating func closeOpenKey() -> Bool {
        guard let current = open else { return true }
        open = nil
        let value: RawYAML = current.indent == nil ? .scalar("", plain: true) : .sequence(current.items)
        return fields.add(current.key, .init(value: value, line: current.line))
    }

    /// `[a, "b", 'c']` on one line, nothing after it.
    private func flowSequence(_ open: Int, _ end: Int) -> RawYAML? {
        var close = end
        while close > open, bytes[close - 1] == 32 { close -= 1 }
        guard close - open >= 2, bytes[close - 1] == 93 else { return nil }
        var items: [RawYAML] = []
        var itemStart = open + 1
        var inner = itemStart
        while inner < close - 1, bytes[inner] == 32 { inner += 1 }
        if inner == close - 1 { return .sequence([]) }
        for i in (open + 1)..<close where i == close - 1 || bytes[i] == 44 {
            var a = itemStart, b = i
            while a < b, bytes[a] == 32 { a += 1 }
            while b > a, bytes[b - 1] == 32 { b -= 1 }
            guard a < b, let item = scalar(a, b, flow: true) else { return nil }
            items.append(item)
            itemStart = i + 1
        }
        return .sequence(items)
    }
}
