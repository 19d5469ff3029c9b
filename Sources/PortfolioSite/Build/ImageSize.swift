/// The pixel size of an image, read from its header: PNG, JPEG, GIF and WebP (lossy,
/// lossless and extended). Nil for anything else or a header cut short.
public struct ImageSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The size in `bytes`, or nil when they are not an image this reader knows.
    public static func read(_ bytes: [UInt8]) -> ImageSize? {
        let size = png(bytes) ?? gif(bytes) ?? webp(bytes) ?? jpeg(bytes)
        guard let size, size.width > 0, size.height > 0 else { return nil }
        return size
    }

    static func bigEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        (0..<count).reduce(0) { $0 << 8 | Int(b[at + $1]) }
    }

    static func littleEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        (0..<count).reversed().reduce(0) { $0 << 8 | Int(b[at + $1]) }
    }

    static func starts(_ b: [UInt8], _ text: String, at: Int = 0) -> Bool {
        let t = Array(text.utf8)
        return b.count >= at + t.count && Array(b[at..<at + t.count]) == t
    }

    /// PNG: the signature, then the IHDR chunk's width and height.
    static func png(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 24, b[0] == 0x89, starts(b, "PNG\r\n", at: 1), starts(b, "IHDR", at: 12) else { return nil }
        return ImageSize(width: bigEndian(b, 16, 4), height: bigEndian(b, 20, 4))
    }

    /// GIF87a or GIF89a: the logical screen's size.
    static func gif(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 10, starts(b, "GIF87a") || starts(b, "GIF89a") else { return nil }
        return ImageSize(width: littleEndian(b, 6, 2), height: littleEndian(b, 8, 2))
    }

    /// WebP: a RIFF file whose first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended).
    static func webp(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 30, starts(b, "RIFF"), starts(b, "WEBP", at: 8) else { return nil }
        if starts(b, "VP8 ", at: 12) {
            return ImageSize(width: littleEndian(b, 26, 2) & 0x3FFF, height: littleEndian(b, 28, 2) & 0x3FFF)
        }
        if starts(b, "VP8L", at: 12) {
            let bits = littleEndian(b, 21, 4)
            return ImageSize(width: (bits & 0x3FFF) + 1, height: (bits >> 14 & 0x3FFF) + 1)
        }
        if starts(b, "VP8X", at: 12) {
            return ImageSize(width: littleEndian(b, 24, 3) + 1, height: littleEndian(b, 27, 3) + 1)
        }
        return nil
    }

    /// JPEG: the first start-of-frame segment (SOF0 to SOF15, but not DHT, JPG or DAC).
    static func jpeg(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                return ImageSize(width: bigEndian(b, i + 7, 2), height: bigEndian(b, i + 5, 2))
            }
            i += 2 + bigEndian(b, i + 2, 2)
        }
        return nil
    }
}
