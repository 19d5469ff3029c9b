import PortfolioCore

/// Little helpers for the compact binary files (term shards, facet lists, views).
///
/// Integers are LEB128 varints: seven bits a byte, low bits first, high bit set on every
/// byte but the last. The browser reads them with a five-line loop.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inline(__always)
    mutating func varint(_ value: Int) {
        var v = UInt64(max(0, value))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    @inline(__always)
    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// A length-prefixed UTF-8 string.
    mutating func string(_ text: String) {
        let utf8 = Array(text.utf8)
        varint(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    static func varintSize(_ value: Int) -> Int {
        var v = UInt64(max(0, value))
        var n = 1
        while v >= 0x80 { v >>= 7; n += 1 }
        return n
    }
}

struct ByteReader {
    let bytes: [UInt8]
    var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var atEnd: Bool { offset >= bytes.count }

    mutating func varint() -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            let b = bytes[offset]
            offset += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
            if shift > 56 { break }
        }
        return Int(truncatingIfNeeded: result)
    }

    mutating func byte() -> UInt8 {
        guard offset < bytes.count else { return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func slice(_ count: Int) -> ArraySlice<UInt8> {
        let end = min(bytes.count, offset + max(0, count))
        defer { offset = end }
        return bytes[offset..<end]
    }

    mutating func string() -> String {
        let n = varint()
        return String(decoding: slice(n), as: UTF8.self)
    }
}

/// Sets of document numbers, the way shards and facet files store them: whichever is
/// smaller of a delta-coded list (mode 1) and a bitmap of `count` bits (mode 2).
enum DocSet {
    static let listMode: UInt8 = 1
    static let bitmapMode: UInt8 = 2

    /// Writes `docs` (ascending) out of a collection of `count` documents.
    static func write(_ docs: [UInt32], count: Int, into w: inout ByteWriter) {
        var listSize = 0
        var previous = -1
        for d in docs {
            listSize += ByteWriter.varintSize(Int(d) - previous - 1)
            previous = Int(d)
        }
        let bitmapSize = (count + 7) / 8
        if listSize <= bitmapSize {
            w.byte(listMode)
            previous = -1
            for d in docs {
                w.varint(Int(d) - previous - 1)
                previous = Int(d)
            }
        } else {
            w.byte(bitmapMode)
            var bitmap = [UInt8](repeating: 0, count: bitmapSize)
            for d in docs { bitmap[Int(d) >> 3] |= UInt8(1 << (d & 7)) }
            w.append(bitmap)
        }
    }

    /// Reads a set written by `write`; `df` is the number of members.
    static func read(_ r: inout ByteReader, df: Int, count: Int) -> [UInt32] {
        let mode = r.byte()
        var docs: [UInt32] = []
        docs.reserveCapacity(df)
        if mode == bitmapMode {
            let bitmap = r.slice((count + 7) / 8)
            var i = 0
            for b in bitmap {
                if b != 0 {
                    for bit in 0..<8 where b & (1 << bit) != 0 { docs.append(UInt32(i * 8 + bit)) }
                }
                i += 1
            }
        } else {
            var previous = -1
            for _ in 0..<df {
                previous += r.varint() + 1
                docs.append(UInt32(previous))
            }
        }
        return docs
    }
}

/// FNV-1a, 32 bits, over UTF-8: the term → shard hash (the browser computes the same).
enum TermHash {
    static func fnv1a(_ text: String) -> UInt32 {
        FNV1a.hash(text.utf8)
    }

    /// The shard of a term; a prefix term (`seg*`) lives with its word (`seg`).
    static func shard(of term: String, shardCount: Int) -> Int {
        let base = term.hasSuffix(TermKey.prefixMarker) ? String(term.dropLast()) : term
        return Int(fnv1a(base) & UInt32(shardCount - 1))
    }

    /// File name of shard `i`: lower-case hex.
    static func fileName(_ shard: Int) -> String {
        "shards/" + String(shard, radix: 16) + ".bin"
    }
}
