/// What object storage gets from a published folder. A bucket serves one body per key and
/// cannot choose an encoding by `Accept-Encoding`, so a text file is uploaded as the gzip
/// file publish made beside it (`x.gz`, the same bytes on every publish), under the plain
/// key `x`, with `Content-Encoding: gzip`; every browser accepts gzip. The `.br` and `.gz`
/// siblings are not uploaded themselves, nor are the files only a host reads.
public enum ObjectPolicy {
    /// Files at the top of a published folder that configure a host, not pages: the host
    /// rules, GitHub Pages' markers, and publish's own record.
    public static let hostOnlyFiles: Set<String> = ["nginx.conf", "Caddyfile", "_headers", "_redirects", ".nojekyll", "CNAME", ".portfolio-publish"]
    /// The endings of the compressed siblings publish writes.
    static let siblingEndings = [".br", ".gz"]

    /// What to do with one file of a published folder.
    public enum Decision: Sendable, Equatable {
        /// Not uploaded: a compressed sibling, or a host-only file.
        case skip
        /// Uploaded as it is, without `Content-Encoding`.
        case plain
        /// Uploaded as the bytes of the gzip sibling at `source`, with `Content-Encoding: gzip`.
        case gzip(source: String)
    }

    /// The decision for the file at `path`, given every path in the folder.
    public static func decision(for path: String, in files: Set<String>) -> Decision {
        if hostOnlyFiles.contains(path) { return .skip }
        for ending in siblingEndings where path.hasSuffix(ending) && files.contains(String(path.dropLast(ending.count))) {
            return .skip
        }
        // Publish writes `x.gz` only for text it compressed smaller; anything else stays as it is.
        return files.contains(path + ".gz") ? .gzip(source: path + ".gz") : .plain
    }
}
