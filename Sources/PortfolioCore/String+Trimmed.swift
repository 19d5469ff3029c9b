extension StringProtocol {
    /// The text without leading and trailing white space and newlines. Pure Swift:
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString, which shows up
    /// when it runs for every field of ten thousand articles.
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}
