import Foundation

/// The importer's decision for one post, with what the report shows about it.
public struct ImportEntry: Sendable, Hashable {
    /// The page the post came from, as given.
    public var inputPath: String
    /// The page line of the post's header.
    public var line: Int
    /// The title written (`未命名 (DATE)` for an empty post).
    public var title: String
    /// The post's date as the page shows it.
    public var date: String
    /// The target file, as `folder/slug.md`; nil for a skipped empty post.
    public var targetPath: String?
    /// What happens to the post.
    public var action: ImportAction
    /// The front matter block, shown by a dry run.
    public var frontMatter: String?
    /// The full file text to write.
    public var text: String?

    /// `sample.txt:3`, where the post starts.
    public var origin: String { "\(inputPath):\(line)" }

    /// One line for the report, e.g. `wrote content/posts/x.md  (sample.txt:3 標題)`.
    public func describe(dryRun: Bool) -> String {
        let target = targetPath ?? ""
        let from = "(\(origin) \(title))"
        switch action {
        case .create: return (dryRun ? "would write " : "wrote ") + target + "  " + from
        case .overwrite: return (dryRun ? "would overwrite " : "overwrote ") + target + " (--force)  " + from
        case .unchanged: return "unchanged " + target + "  " + from
        case .conflict:
            return "conflict " + target + ": exists with different content, left alone (use --force to overwrite)  " + from
        case .skipEmpty:
            return "skipped \(origin): empty post of \(date) (use --keep-empty to import it as a draft)"
        case .failed(let message): return "failed " + target + ": " + message + "  " + from
        }
    }
}
