import CZlib

/// gzip files through zlib, with a fixed header (no name, modification time 0, Unix as
/// the system), so the same bytes always give the same file.
public enum Gzip {
    /// The gzip header: magic, deflate, no flags, mtime 0, no extra flags, OS 3 (Unix).
    static let header: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]

    /// `bytes` as a gzip file compressed at `level` (1–9); nil if zlib fails.
    public static func compress(_ bytes: [UInt8], level: Int32) -> [UInt8]? {
        var stream = z_stream()
        // A negative window size gives raw deflate: the header and trailer are written here.
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(bytes.count)))
        var out = header + [UInt8](repeating: 0, count: bound)
        var input = bytes
        let status = input.withUnsafeMutableBufferPointer { inp in
            out.withUnsafeMutableBufferPointer { o -> Int32 in
                stream.next_in = inp.baseAddress
                stream.avail_in = uInt(inp.count)
                stream.next_out = o.baseAddress! + header.count
                stream.avail_out = uInt(bound)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        out.removeSubrange((header.count + Int(stream.total_out))...)
        let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        for value in [crc, UInt32(truncatingIfNeeded: bytes.count)] {
            for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
        }
        return out
    }

    /// The bytes of a gzip file; nil if it is not one.
    public static func decompress(_ file: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = file
        return input.withUnsafeMutableBufferPointer { inp -> [UInt8]? in
            stream.next_in = inp.baseAddress
            stream.avail_in = uInt(inp.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { o -> Int32 in
                    stream.next_out = o.baseAddress
                    stream.avail_out = uInt(o.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                result += chunk[0..<(chunk.count - Int(stream.avail_out))]
                if status == Z_STREAM_END { return result }
                if status != Z_OK { return nil }
            }
        }
    }
}
