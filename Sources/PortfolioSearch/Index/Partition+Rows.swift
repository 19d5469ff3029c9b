extension Partition {
    /// Pass 2 over one block: its postings of the partition, put in their terms' rows.
    struct Rows {
        let block: TermBlock
        let termBase: Int

        /// `k` counts the postings met so far over all blocks; `cursor` is each term's next slot.
        func fill(p: Int, postingTerms: [UInt32], k: inout Int, cursor: inout [UInt32], docs: inout [UInt32],
                  locals: inout [UInt32], scores: inout [UInt8], positionCounts: inout [UInt8]) {
            let first = block.firstDocument, termBase = termBase
            block.counts.withUnsafeBufferPointer { counts in
            block.positionStarts.withUnsafeBufferPointer { positionStarts in
            block.partitionStarts.withUnsafeBufferPointer { partitionStarts in
            cursor.withUnsafeMutableBufferPointer { cursor in
            docs.withUnsafeMutableBufferPointer { docs in
            locals.withUnsafeMutableBufferPointer { locals in
            scores.withUnsafeMutableBufferPointer { scores in
            positionCounts.withUnsafeMutableBufferPointer { positionCounts in
                for i in 0..<block.documentCount {
                    let d = first + i
                    for g in TermBlock.terms(of: partitionStarts, partition: p, document: i) {
                        let term = Int(postingTerms[k])
                        k += 1
                        let slot = Int(cursor[term])
                        cursor[term] = UInt32(slot + 1)
                        docs[slot] = UInt32(d)
                        locals[slot] = UInt32(termBase + g)
                        scores[slot] = Ranking.quantize(Ranking.tfPart(counts: counts[g]))
                        positionCounts[slot] = UInt8(truncatingIfNeeded: positionStarts[g + 1] &- positionStarts[g])
                    }
                }
            }}}}}}}}
        }
    }
}
