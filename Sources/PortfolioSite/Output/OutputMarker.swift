/// The file that marks a folder as portfolio's output: a build replaces a folder only
/// when it holds this file (or is empty), and every folder portfolio writes gets it when
/// the writer opens it. It belongs to the folder, not to the site, so it is not one of a
/// site's outputs (a deploy does not upload it).
public enum OutputMarker {
    /// The marker's name, at the top of the output folder.
    public static let name = ".portfolio-output"
    /// The marker's text.
    public static let bytes = Array("This folder was written by portfolio and is replaced on every build.\n".utf8)
}
