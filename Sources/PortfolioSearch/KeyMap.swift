/// Open-addressing map from 64-bit keys to dense indices.
struct KeyMap {
    private var keys: [UInt64]
    private var values: [Int32]
    private var used: [Bool]
    private var count = 0
    private var mask: Int

    init(capacity: Int = 1 << 14) {
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        used = [Bool](repeating: false, count: capacity)
        mask = capacity - 1
    }

    /// The index of `key`, or `next` (recorded for it) if the key is new.
    mutating func index(of key: UInt64, next: Int) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while used[slot] {
            if keys[slot] == key { return Int(values[slot]) }
            slot = (slot + 1) & mask
        }
        used[slot] = true
        keys[slot] = key
        values[slot] = Int32(next)
        count += 1
        if count * 2 > keys.count { grow() }
        return next
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values, oldUsed = used
        let capacity = keys.count * 2
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        used = [Bool](repeating: false, count: capacity)
        mask = capacity - 1
        for i in 0..<oldKeys.count where oldUsed[i] {
            var slot = Int(truncatingIfNeeded: (oldKeys[i] &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while used[slot] { slot = (slot + 1) & mask }
            used[slot] = true
            keys[slot] = oldKeys[i]
            values[slot] = oldValues[i]
        }
    }
}
