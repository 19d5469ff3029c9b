extension DocumentTokenizer {
    @inline(__always)
    private static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }

    /// The local number of `key`, adding it if new.
    @inline(__always)
    mutating func local(_ key: UInt64) -> Int {
        let mask = slotCapacity - 1
        var slot = DocumentTokenizer.hash(key) & mask
        while true {
            if slotStamps[slot] != stamp {
                let n = termCount
                if n == termCapacity { growTerms() }
                slotStamps[slot] = stamp
                slotKeys[slot] = key
                slotValues[slot] = Int32(n)
                keys[n] = key
                counts[n] = 0
                positionCounts[n] = 0
                termCount = n + 1
                if termCount * 2 > slotCapacity { growSlots() }
                return n
            }
            if slotKeys[slot] == key { return Int(slotValues[slot]) }
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
        slotKeys.deallocate()
        slotValues.deallocate()
        slotStamps.deallocate()
        slotCapacity *= 2
        slotKeys = .allocate(capacity: slotCapacity)
        slotValues = .allocate(capacity: slotCapacity)
        slotStamps = .allocate(capacity: slotCapacity)
        slotStamps.initialize(repeating: 0, count: slotCapacity)
        let mask = slotCapacity - 1
        for n in 0..<termCount {
            var slot = DocumentTokenizer.hash(keys[n]) & mask
            while slotStamps[slot] == stamp { slot = (slot + 1) & mask }
            slotStamps[slot] = stamp
            slotKeys[slot] = keys[n]
            slotValues[slot] = Int32(n)
        }
    }
}
