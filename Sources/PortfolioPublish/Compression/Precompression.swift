import PortfolioSite

/// The `.br` and `.gz` files published beside each text file, for servers that send a
/// file's compressed sibling to a browser that accepts it (nginx's `gzip_static` and
/// `brotli_static`, Caddy's `precompressed`, most CDNs).
public struct Precompression: Sendable {
    /// Brotli quality and gzip level; see docs/benchmarks.md for how they were chosen.
    public var brotliQuality: Int32 = 5
    public var gzipLevel: Int32 = 6

    public init() {}

    /// File name endings of text files, which compress well.
    static let textExtensions: Set<String> = ["html", "htm", "css", "js", "mjs", "json", "xml", "svg", "txt", "webmanifest", "map", "md"]

    /// Whether an output gets compressed siblings: text by its ending, and every file of
    /// the search index (its binary shards are fetched like text and compress too).
    public static func isCompressible(_ output: SiteOutput) -> Bool {
        if output.kind == .search { return true }
        guard let dot = output.path.lastIndex(of: "."), !output.path[dot...].contains("/") else { return false }
        return textExtensions.contains(output.path[output.path.index(after: dot)...].lowercased())
    }

    /// The `.br` and `.gz` siblings of an output, each only when it is smaller than the file.
    public func siblings(of output: SiteOutput) -> [SiteOutput] {
        guard Self.isCompressible(output), !output.bytes.isEmpty else { return [] }
        var result: [SiteOutput] = []
        if let br = Brotli.compress(output.bytes, quality: brotliQuality), br.count < output.bytes.count {
            result.append(SiteOutput(output.path + ".br", output.kind, br))
        }
        if let gz = Gzip.compress(output.bytes, level: gzipLevel), gz.count < output.bytes.count {
            result.append(SiteOutput(output.path + ".gz", output.kind, gz))
        }
        return result
    }
}
