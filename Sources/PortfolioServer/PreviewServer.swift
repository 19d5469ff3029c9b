import Hummingbird

/// The preview server behind `portfolio serve` (in progress).
public enum PreviewServerInfo {
    /// The address the server binds unless told otherwise.
    public static let defaultHost = "127.0.0.1"
}
