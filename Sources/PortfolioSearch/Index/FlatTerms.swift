/// Every document's terms, in the blocks the tokenizers wrote, with the body lengths.
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
    /// Per document: its body's length in units (one per CJK character, one per word).
    var bodyLengths: [UInt32] = []

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
        bodyLengths.reserveCapacity(documentCount)
        for block in blocks { for l in block.lengths { bodyLengths.append(l.3) } }
    }

    /// The block that holds document `d`; global term `g` of that document is the block's
    /// term `g - termBase[block]`.
    @inline(__always)
    func block(ofDocument d: Int) -> Int { Int(blockOf[d]) }

    /// The average body length, to three decimals (it goes in the manifest as written).
    var averageBodyLength: Double {
        var sum = 0
        for l in bodyLengths { sum += Int(l) }
        return (Double(sum) / Double(max(1, documentCount)) * 1000).rounded() / 1000
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
