/// Every document's local terms end to end (keys, counts, positions), with per-document
/// partition boundaries and BM25F field factors, so the later steps read plain arrays.
struct FlatTerms: Sendable {
    var documentCount = 0
    var keys: [UInt64] = []
    /// Words and prefixes of every document; string keys index this.
    var strings: [String] = []
    var counts: [UInt32] = []
    var positionStarts: [UInt32] = []
    var positions: [UInt16] = []
    /// Per document, `partitions + 1` absolute boundaries into `keys`.
    var partitionStarts: [UInt32] = []
    /// Per document and field: weight / length normalisation (BM25F).
    var fieldFactors: [Double] = []

    /// Also moves each document's result file into `files`.
    init(_ perDoc: [DocumentTerms], files: inout [String: [UInt8]]) {
        let count = perDoc.count
        documentCount = count
        let layout = Layout(perDoc)
        strings = layout.strings
        FlatTerms.writeDocumentFiles(perDoc, into: &files)
        let n = layout.termBase[count], p = layout.positionBase[count]
        let stride = DocumentTerms.partitions + 1

        var buffers = Buffers()
        keys = [UInt64](unsafeUninitializedCapacity: n) { keys, kn in
        counts = [UInt32](unsafeUninitializedCapacity: n) { counts, cn in
        positionStarts = [UInt32](unsafeUninitializedCapacity: n + 1) { positionStarts, sn in
        positions = [UInt16](unsafeUninitializedCapacity: p) { positions, pn in
        partitionStarts = [UInt32](unsafeUninitializedCapacity: count * stride) { partitionStarts, tn in
        fieldFactors = [Double](unsafeUninitializedCapacity: count * 4) { fieldFactors, fn in
            buffers = Buffers(keys: keys, counts: counts, positionStarts: positionStarts, positions: positions,
                              partitionStarts: partitionStarts, fieldFactors: fieldFactors)
            let out = buffers
            // Each document fills its own ranges, on all cores.
            _ = ChunkedWork.map(count: count) { range -> [Int] in
                for d in range { out.copy(perDoc[d], document: d, layout: layout) }
                return []
            }
            positionStarts[n] = UInt32(p)
            fn = count * 4
        }
            tn = count * stride
        }
            pn = p
        }
            sn = n + 1
        }
            cn = n
        }
            kn = n
        }
    }

    /// Result files hold `DocumentFile.chunk` documents each: fewer files to write, a
    /// little more to fetch per result.
    private static func writeDocumentFiles(_ perDoc: [DocumentTerms], into files: inout [String: [UInt8]]) {
        let count = perDoc.count
        let chunk = DocumentFile.chunk
        for c in 0..<((count + chunk - 1) / chunk) {
            var bytes: [UInt8] = [UInt8(ascii: "[")]
            for d in (c * chunk)..<min(count, (c + 1) * chunk) {
                if d > c * chunk { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: perDoc[d].file)
            }
            bytes.append(UInt8(ascii: "]"))
            files["docs/\(c).json"] = bytes
        }
    }

    /// Where each document's terms, positions and strings go, every document's strings
    /// end to end, and the average length of each field.
    private struct Layout {
        var termBase: [Int]
        var positionBase: [Int]
        var stringBase: [Int]
        var strings: [String] = []
        var averages: [Double]

        init(_ perDoc: [DocumentTerms]) {
            let count = perDoc.count
            termBase = [Int](repeating: 0, count: count + 1)
            positionBase = [Int](repeating: 0, count: count + 1)
            stringBase = [Int](repeating: 0, count: count + 1)
            var sums = [Double](repeating: 0, count: 4)
            for (d, e) in perDoc.enumerated() {
                termBase[d + 1] = termBase[d] + e.keys.count
                positionBase[d + 1] = positionBase[d] + e.positions.count
                stringBase[d + 1] = stringBase[d] + e.strings.count
                strings.append(contentsOf: e.strings)
                sums[0] += Double(e.lengths.0)
                sums[1] += Double(e.lengths.1)
                sums[2] += Double(e.lengths.2)
                sums[3] += Double(e.lengths.3)
            }
            averages = sums.map { $0 / Double(max(1, count)) }
        }
    }

    /// The buffers being filled; each task writes only its own documents' ranges, all
    /// inside the arrays' initialising closures.
    private struct Buffers: @unchecked Sendable {
        var keys = UnsafeMutableBufferPointer<UInt64>(start: nil, count: 0)
        var counts = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)
        var positionStarts = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)
        var positions = UnsafeMutableBufferPointer<UInt16>(start: nil, count: 0)
        var partitionStarts = UnsafeMutableBufferPointer<UInt32>(start: nil, count: 0)
        var fieldFactors = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)

        /// Copies document `d`'s terms into its ranges, making string keys global.
        func copy(_ e: DocumentTerms, document d: Int, layout: Layout) {
            let stride = DocumentTerms.partitions + 1
            let tb = layout.termBase[d], pb = layout.positionBase[d], sb = UInt64(layout.stringBase[d])
            for (i, key) in e.keys.enumerated() {
                keys[tb + i] = key >> 60 == 3 ? DocumentTerms.stringTag | (sb + (key & 0xFFFF_FFFF)) : key
                counts[tb + i] = e.counts[i]
                positionStarts[tb + i] = UInt32(pb) + e.positionStarts[i]
            }
            for (i, v) in e.positions.enumerated() { positions[pb + i] = v }
            for (i, v) in e.partitionStarts.enumerated() { partitionStarts[d * stride + i] = UInt32(tb) + v }
            let lengths = [e.lengths.0, e.lengths.1, e.lengths.2, e.lengths.3]
            for f in 0..<4 {
                fieldFactors[d * 4 + f] = Ranking.fieldFactor(field: f, length: lengths[f], average: layout.averages[f])
            }
        }
    }
}
