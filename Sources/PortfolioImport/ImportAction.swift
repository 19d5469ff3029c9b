/// What the importer does, or did, with one post.
public enum ImportAction: Sendable, Hashable {
    /// A new file.
    case create
    /// A file with the same post but different content, replaced because of `--force`.
    case overwrite
    /// The file already holds exactly these bytes.
    case unchanged
    /// The file holds the same post with different content and was left alone.
    case conflict
    /// An empty post, not imported.
    case skipEmpty
    /// Writing failed; the message says why.
    case failed(String)

    /// Whether this action writes the file.
    public var writes: Bool { self == .create || self == .overwrite }

    /// Whether this action leaves the post out.
    public var isSkip: Bool { self == .conflict || self == .skipEmpty }
}
