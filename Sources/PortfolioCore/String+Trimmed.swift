extension StringProtocol {
    /// The text without leading and trailing white space and newlines. Pure Swift:
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString, which shows up
    /// when it runs for every field of ten thousand articles.
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isWhiteSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !Self.isWhiteSpace($0) })!
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return String(self) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }

    /// Unicode's White_Space property, spelled out: the property lookup is slow, and
    /// the list has not changed since Unicode 6.3.
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
