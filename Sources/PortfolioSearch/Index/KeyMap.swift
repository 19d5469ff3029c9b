/// Open-addressing map from 64-bit keys to dense indices.
struct KeyMap {
    /// A key and its index side by side, so a probe reads one cache line; index -1: empty.
    private struct Slot {
        var key: UInt64
        var value: Int32
    }

    private var slots: [Slot]
    private var count = 0
    private var mask: Int

    init(capacity: Int = 1 << 14) {
        slots = [Slot](repeating: Slot(key: 0, value: -1), count: capacity)
        mask = capacity - 1
    }

    /// The index of `key`, or `next` (recorded for it) if the key is new.
    mutating func index(of key: UInt64, next: Int) -> Int {
        var slot = Self.home(key) & mask
        while true {
            let s = slots[slot]
            if s.value < 0 { break }
            if s.key == key { return Int(s.value) }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(key: key, value: Int32(next))
        count += 1
        if count * 2 > slots.count { grow() }
        return next
    }

    /// The slot a key's probe starts from, before masking (also the tokenizer's term map's).
    @inline(__always)
    static func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, value: -1), count: old.count * 2)
        mask = slots.count - 1
        for s in old where s.value >= 0 {
            var slot = Self.home(s.key) & mask
            while slots[slot].value >= 0 { slot = (slot + 1) & mask }
            slots[slot] = s
        }
    }
}
