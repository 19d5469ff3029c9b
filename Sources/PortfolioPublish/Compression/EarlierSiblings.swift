import CBrotli
import CZlib
import Foundation
import PortfolioSite

/// The `.br` and `.gz` files of an earlier publish, taken again for a file whose bytes
/// have not changed, so that publishing after a small edit compresses only what the edit
/// changed. They are taken only from a folder that says (in `.portfolio-publish`) it was
/// published with the same levels and the same library versions, so the result is what
/// compressing anew would give, byte for byte.
struct EarlierSiblings: Sendable {
    static let markerName = ".portfolio-publish"
    let folder: String
    let compression: Precompression

    /// Nil when the folder holds no publish made the same way (a first publish, a plain
    /// build, other levels).
    init?(staging: URL, compression: Precompression) {
        let marker = staging.appendingPathComponent(Self.markerName)
        guard let text = try? Data(contentsOf: marker), Array(text) == Self.marker(compression).bytes else { return nil }
        folder = staging.path
        self.compression = compression
    }

    /// `.portfolio-publish`: the levels and libraries that made the compressed files.
    static func marker(_ compression: Precompression) -> SiteOutput {
        let brotli = BrotliEncoderVersion()
        let text = "brotli \(brotli >> 24).\((brotli >> 12) & 0xfff).\(brotli & 0xfff) quality \(compression.brotliQuality)\n"
            + "zlib \(String(cString: zlibVersion())) level \(compression.gzipLevel)\n"
        return SiteOutput(markerName, .feed, Array(text.utf8))
    }

    /// The earlier siblings when the file there has the same bytes; otherwise new ones.
    func siblings(of file: SiteOutput) -> [SiteOutput] {
        guard !file.bytes.isEmpty else { return [] }
        let path = folder + "/" + file.path
        var buffer: [UInt8] = []
        guard let count = OutputFiles.read(path, into: &buffer), count == file.bytes.count,
              buffer.withUnsafeBytes({ old in file.bytes.withUnsafeBytes { memcmp(old.baseAddress!, $0.baseAddress!, count) == 0 } })
        else { return compression.siblings(of: file) }
        var found: [SiteOutput] = []
        for suffix in [".br", ".gz"] {
            var sibling: [UInt8] = []
            if let n = OutputFiles.read(path + suffix, into: &sibling) { found.append(SiteOutput(file.path + suffix, file.kind, Array(sibling.prefix(n)))) }
        }
        return found
    }
}
