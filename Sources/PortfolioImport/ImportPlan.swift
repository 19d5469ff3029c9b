import Foundation
import PortfolioCore

/// Decides, post by post, what an import does in the target folder: which file a post
/// goes to and whether that file is created, left unchanged, overwritten or left alone.
///
/// A post keeps the file that already holds it (same author and date in its front
/// matter); otherwise it takes the first free name among `slug.md`, `slug-2.md`, …
/// Nothing is written here: the plan only decides.
public struct ImportPlan {
    /// The run's options.
    public let options: ImportOptions
    private var folder: TargetFolder
    private let writer: MarkdownArticleWriter

    /// A plan for `options.into`, reading what is already there.
    public init(options: ImportOptions, fileSystem: any ImportFileSystem) throws(PortfolioError) {
        self.options = options
        writer = MarkdownArticleWriter(timeZone: options.timeZone, siteTags: options.siteTags)
        do {
            folder = try TargetFolder(path: options.into, fileSystem: fileSystem, dates: DateParser(timeZone: options.timeZone))
        } catch {
            throw PortfolioError(.importer, "cannot read the target folder: \(error.localizedDescription)",
                                 at: SourceLocation(path: options.into))
        }
    }

    /// The decision for one post of the page at `inputPath`; later posts see this one's file.
    public mutating func decide(_ post: EportfolioPost, from inputPath: String) -> ImportEntry {
        let title = writer.title(for: post)
        var entry = ImportEntry(inputPath: inputPath, line: post.line, title: title, date: post.dateText,
                                targetPath: nil, action: .skipEmpty)
        guard !post.isEmpty || options.keepEmpty else { return entry }
        let identity = ImportIdentity(post)
        let name = folder.owner(of: identity) ?? folder.freeName(for: ImportSlug.base(for: title))
        let text = writer.article(for: post, slug: String(name.dropLast(3)), draft: post.isEmpty)
        let data = Data(text.utf8)
        entry.action = action(existing: folder.contents(of: name), new: data)
        entry.targetPath = folder.filePath(name)
        entry.frontMatter = writer.frontMatter(for: post, slug: String(name.dropLast(3)), draft: post.isEmpty)
        entry.text = text
        folder.claim(name, for: identity, writing: entry.action.writes ? data : nil)
        return entry
    }

    /// Create, unchanged, or, for different bytes, overwrite with `force` and conflict without.
    func action(existing: Data?, new: Data) -> ImportAction {
        guard let existing else { return .create }
        if existing == new { return .unchanged }
        return options.force ? .overwrite : .conflict
    }
}
