/// A slot of the tokenizer's term map: a key, its local term number, and the stamp of the
/// document it was set for (a slot of an earlier document counts as empty).
struct TermSlot {
    var key: UInt64 = 0
    var value: Int32 = 0
    var stamp: UInt32 = 0
}

extension DocumentTokenizer {
    /// The local number of `key`, adding it if new.
    @inline(__always)
    mutating func local(_ key: UInt64) -> Int {
        let mask = slotCapacity - 1
        var slot = KeyMap.home(key) & mask
        while true {
            let s = slots[slot]
            if s.stamp != stamp {
                let n = termCount
                if n == termCapacity { growTerms() }
                slots[slot] = TermSlot(key: key, value: Int32(n), stamp: stamp)
                keys[n] = key
                counts[n] = 0
                positionCounts[n] = 0
                termCount = n + 1
                if termCount * 2 > slotCapacity { growSlots() }
                return n
            }
            if s.key == key { return Int(s.value) }
            slot = (slot + 1) & mask
        }
    }

    private mutating func growTerms() {
        let capacity = termCapacity * 2
        let cap = DocumentTokenizer.positionCap
        func grow<T>(_ p: UnsafeMutablePointer<T>, _ old: Int, _ new: Int) -> UnsafeMutablePointer<T> {
            let q = UnsafeMutablePointer<T>.allocate(capacity: new)
            q.moveInitialize(from: p, count: old)
            p.deallocate()
            return q
        }
        keys = grow(keys, termCapacity, capacity)
        counts = grow(counts, termCapacity, capacity)
        positionCounts = grow(positionCounts, termCapacity, capacity)
        positionBuffer = grow(positionBuffer, termCapacity * cap, capacity * cap)
        termCapacity = capacity
    }

    private mutating func growSlots() {
        slots.deallocate()
        slotCapacity *= 2
        slots = .allocate(capacity: slotCapacity)
        slots.initialize(repeating: TermSlot(), count: slotCapacity)
        let mask = slotCapacity - 1
        for n in 0..<termCount {
            var slot = KeyMap.home(keys[n]) & mask
            while slots[slot].stamp == stamp { slot = (slot + 1) & mask }
            slots[slot] = TermSlot(key: keys[n], value: Int32(n), stamp: stamp)
        }
    }
}
