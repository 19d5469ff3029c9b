import PortfolioCore

/// A slot of the tokenizer's word map: the word's FNV-1a hash, its number in `strings`,
/// and the stamp of the document it was set for (a slot of an earlier document counts as
/// empty).
struct WordSlot {
    var hash: UInt32 = 0
    var index: Int32 = 0
    var stamp: UInt32 = 0
}

extension DocumentTokenizer {
    /// The term key of the word (or prefix) whose UTF-8 is `bytes`, numbering it in
    /// `strings` if it is new in this document. Words are found by their bytes: a string
    /// is made only for a word's first time in a document, and the hash is the one that
    /// also picks the word's partition, so it is worked out once.
    mutating func stringKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let hash = FNV1a.hash(bytes)
        let mask = wordSlotCapacity - 1
        var slot = Int(hash) & mask
        while wordSlots[slot].stamp == stamp {
            let s = wordSlots[slot]
            if s.hash == hash, sameBytes(Int(s.index), bytes) { return TermBlock.stringTag | UInt64(s.index) }
            slot = (slot + 1) & mask
        }
        let index = strings.count
        strings.append(String(decoding: bytes, as: UTF8.self))
        stringPartitions.append(UInt8(hash >> 28))
        wordBytesSeen.append(contentsOf: bytes)
        wordStarts.append(wordBytesSeen.count)
        wordSlots[slot] = WordSlot(hash: hash, index: Int32(index), stamp: stamp)
        if strings.count * 2 > wordSlotCapacity { growWordSlots() }
        return TermBlock.stringTag | UInt64(index)
    }

    private func sameBytes(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        wordBytesSeen.withUnsafeBufferPointer { seen in
            UnsafeBufferPointer(rebasing: seen[wordStarts[index]..<wordStarts[index + 1]]).elementsEqual(bytes)
        }
    }

    private mutating func growWordSlots() {
        wordSlots.deallocate()
        wordSlotCapacity *= 2
        wordSlots = .allocate(capacity: wordSlotCapacity)
        wordSlots.initialize(repeating: WordSlot(), count: wordSlotCapacity)
        let mask = wordSlotCapacity - 1
        for index in strings.indices {
            let hash = FNV1a.hash(wordBytesSeen[wordStarts[index]..<wordStarts[index + 1]])
            var slot = Int(hash) & mask
            while wordSlots[slot].stamp == stamp { slot = (slot + 1) & mask }
            wordSlots[slot] = WordSlot(hash: hash, index: Int32(index), stamp: stamp)
        }
    }

    /// Forgets the words of the last document.
    mutating func resetWords() {
        strings.removeAll(keepingCapacity: true)
        stringPartitions.removeAll(keepingCapacity: true)
        wordBytesSeen.removeAll(keepingCapacity: true)
        wordStarts.removeAll(keepingCapacity: true)
        wordStarts.append(0)
        // `stamp` has just been bumped; when it wrapped around, old slots could look current.
        if stamp == 1 { wordSlots.update(repeating: WordSlot(), count: wordSlotCapacity) }
    }
}
