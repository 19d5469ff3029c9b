extension StringProtocol {
    /// The text without leading and trailing white space and newlines. Pure Swift:
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString, which shows up
    /// when it runs for every field of ten thousand articles.
    public var trimmed: String {
        let scalars = unicodeScalars
        // Most values have nothing to trim: ASCII letters and Han at both ends.
        if let head = scalars.first, let tail = scalars.last, Self.isPlainEdge(head), Self.isPlainEdge(tail) {
            return String(self)
        }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }

    private static func isPlainEdge(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value > 0x20 && scalar.value < 0x7F) || (0x4E00...0x9FFF).contains(scalar.value)
    }
}
