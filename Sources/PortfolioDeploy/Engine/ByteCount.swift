/// Sizes for people: `812 B`, `4.2 kB`, `13.7 MB` (powers of 1000, as file managers show them).
public enum ByteCount {
    static let units = ["kB", "MB", "GB", "TB"]

    public static func format(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 999.95, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return "\((value * 10).rounded() / 10) \(units[unit])"
    }
}
