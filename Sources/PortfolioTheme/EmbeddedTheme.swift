import Foundation

/// The default theme: the files of the repository's `templates/` folder, built into the
/// program by the EmbedTheme plugin. A site's own `templates/` folder is laid over it.
public enum EmbeddedTheme {
    /// Every file of the theme: its path below `templates/` and its bytes, sorted by path.
    public static let files: [(path: String, bytes: [UInt8])] = embeddedThemeFiles.map { file in
        // The generator wrote valid Base64; an empty result would mean a broken build.
        (file.path, Array(Data(base64Encoded: file.base64) ?? Data()))
    }

    /// The bytes of the theme file at `path` (below `templates/`), if the theme has one.
    public static func file(_ path: String) -> [UInt8]? {
        files.first { $0.path == path }?.bytes
    }
}
