/// A set of document numbers.
struct Bitset: Sendable {
    var words: [UInt64]

    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    mutating func insert(_ i: Int) {
        guard i >= 0, i / 64 < words.count else { return }
        words[i / 64] |= 1 << UInt64(i % 64)
    }
    func contains(_ i: Int) -> Bool {
        guard i >= 0, i / 64 < words.count else { return false }
        return words[i / 64] & (1 << UInt64(i % 64)) != 0
    }
    mutating func formUnion(_ o: Bitset) { for i in 0..<words.count { words[i] |= o.words[i] } }
    mutating func formIntersection(_ o: Bitset) { for i in 0..<words.count { words[i] &= o.words[i] } }
    func members() -> [Int] {
        var out: [Int] = []
        for (w, word) in words.enumerated() where word != 0 {
            for b in 0..<64 where word & (1 << UInt64(b)) != 0 { out.append(w * 64 + b) }
        }
        return out
    }
}
