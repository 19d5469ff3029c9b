import CBrotli

/// Brotli through Debian's libbrotli, in one call per file.
public enum Brotli {
    /// `bytes` compressed at `quality` (0–11) in text mode with a 4 MB window; nil if the
    /// encoder fails.
    public static func compress(_ bytes: [UInt8], quality: Int32) -> [UInt8]? {
        var size = BrotliEncoderMaxCompressedSize(bytes.count)
        if size == 0 { size = bytes.count + 1024 }
        var out = [UInt8](repeating: 0, count: size)
        let ok = bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                BrotliEncoderCompress(quality, 22, BROTLI_MODE_TEXT, input.count, input.baseAddress, &size, output.baseAddress)
            }
        }
        guard ok == BROTLI_TRUE else { return nil }
        out.removeSubrange(size...)
        return out
    }

    /// The bytes that `compressed` stands for; nil if it is not a whole Brotli stream.
    public static func decompress(_ compressed: [UInt8]) -> [UInt8]? {
        guard let decoder = BrotliDecoderCreateInstance(nil, nil, nil) else { return nil }
        defer { BrotliDecoderDestroyInstance(decoder) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        return compressed.withUnsafeBufferPointer { input -> [UInt8]? in
            var next: UnsafePointer<UInt8>? = input.baseAddress
            var available = input.count
            while true {
                var outAvailable = chunk.count
                let status = chunk.withUnsafeMutableBufferPointer { out -> BrotliDecoderResult in
                    var outNext: UnsafeMutablePointer<UInt8>? = out.baseAddress
                    return BrotliDecoderDecompressStream(decoder, &available, &next, &outAvailable, &outNext, nil)
                }
                result += chunk[0..<(chunk.count - outAvailable)]
                switch status {
                case BROTLI_DECODER_RESULT_SUCCESS: return available == 0 ? result : nil
                case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: continue
                default: return nil
                }
            }
        }
    }
}
