import Foundation
import PortfolioCore

/// What makes an article "the same post" when re-importing: its author and the second it
/// was published. Read back from the front matter of files already in the target folder,
/// so a post keeps its file even when a later post took a similar slug.
public struct ImportIdentity: Sendable, Hashable {
    /// The writer's name.
    public var author: String
    /// Seconds since 1970 of the publication date.
    public var seconds: Int64

    /// The identity of a post written by `author` at `date`.
    public init(author: String, date: Date) {
        self.author = author
        self.seconds = Int64(date.timeIntervalSince1970.rounded())
    }

    /// The identity of an imported post.
    public init(_ post: EportfolioPost) {
        self.init(author: post.author, date: post.date)
    }

    /// The identity recorded in an article's front matter (`author:` and `date:`), or nil
    /// when the text has no front matter or lacks either key.
    public static func read(from text: String, dates: DateParser) -> ImportIdentity? {
        let lines = TextLines.split(text)
        guard let first = lines.first, EportfolioText.trimmed(first) == "---" else { return nil }
        var author: String?
        var date: Date?
        for line in lines.dropFirst() {
            let trimmed = EportfolioText.trimmed(line)
            if trimmed == "---" || trimmed == "..." { break }
            if line.hasPrefix("author:") { author = YAMLScalar.value(line.dropFirst(7)) }
            if line.hasPrefix("date:") { date = dates.parse(YAMLScalar.value(line.dropFirst(5))) }
        }
        guard let author, let date else { return nil }
        return ImportIdentity(author: author, date: date)
    }
}
