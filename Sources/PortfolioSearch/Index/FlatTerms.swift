/// Every document's terms, in the blocks the tokenizers wrote, with BM25F field factors.
///
/// A posting is named by its global term index: block `b`'s terms are numbered from
/// `termBase[b]`, in document order, so the later steps keep one number per posting.
struct FlatTerms: Sendable {
    var documentCount = 0
    var blocks: [TermBlock] = []
    /// Per block: the global index of its first term.
    var termBase: [Int] = []
    /// Per document: its block.
    var blockOf: [UInt16] = []
    /// Per document and field: weight / length normalisation (BM25F).
    var fieldFactors: [Double] = []

    /// Also moves each document's result file into `files`.
    init(_ blocks: [TermBlock], files: inout [String: [UInt8]]) {
        var blocks = blocks
        FlatTerms.writeDocumentFiles(&blocks, into: &files)
        self.blocks = blocks
        var base = 0
        for block in blocks {
            termBase.append(base)
            base += block.keys.count
            blockOf.append(contentsOf: repeatElement(UInt16(termBase.count - 1), count: block.documentCount))
        }
        documentCount = blockOf.count
        fieldFactors = FlatTerms.fieldFactors(blocks, documentCount: documentCount)
    }

    /// The block that holds document `d`; global term `g` of that document is the block's
    /// term `g - termBase[block]`.
    @inline(__always)
    func block(ofDocument d: Int) -> Int { Int(blockOf[d]) }

    private static func fieldFactors(_ blocks: [TermBlock], documentCount count: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: 4)
        for block in blocks {
            for l in block.lengths {
                sums[0] += Double(l.0)
                sums[1] += Double(l.1)
                sums[2] += Double(l.2)
                sums[3] += Double(l.3)
            }
        }
        let averages = sums.map { $0 / Double(max(1, count)) }
        var factors: [Double] = []
        factors.reserveCapacity(count * 4)
        for block in blocks {
            for l in block.lengths {
                let lengths = [l.0, l.1, l.2, l.3]
                for f in 0..<4 { factors.append(Ranking.fieldFactor(field: f, length: lengths[f], average: averages[f])) }
            }
        }
        return factors
    }

    /// Result files hold `DocumentFile.chunk` documents each: fewer files to write, a
    /// little more to fetch per result. The blocks' copies are dropped.
    private static func writeDocumentFiles(_ blocks: inout [TermBlock], into files: inout [String: [UInt8]]) {
        var entries: [[UInt8]] = []
        for b in blocks.indices {
            entries.append(contentsOf: blocks[b].files)
            blocks[b].files = []
        }
        let chunk = DocumentFile.chunk
        for c in 0..<((entries.count + chunk - 1) / chunk) {
            var bytes: [UInt8] = [UInt8(ascii: "[")]
            for d in (c * chunk)..<min(entries.count, (c + 1) * chunk) {
                if d > c * chunk { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: entries[d])
            }
            bytes.append(UInt8(ascii: "]"))
            files["docs/\(c).json"] = bytes
        }
    }
}
