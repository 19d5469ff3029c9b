import Foundation
#if DEBUG
@testable import PortfolioContent
#else
import PortfolioContent
#endif
import PortfolioCore
import PortfolioImport

/// Promises between two readers of the same text, checked on every input: breaking one
/// stops the program like a crash, so that the fuzzer saves the input.
enum FuzzChecks {
    /// Stops with `message` and the text it is about.
    static func fail(_ message: String, _ text: String) -> Never {
        fatalError("\(message)\n--- text: \(text.debugDescription)")
    }

    #if DEBUG
    /// Front matter the fast scanner reads must read the same through Yams: the same keys
    /// in the same order, each with the same value (plain or quoted) at the same line.
    static func scannerMatchesYams(_ text: String) {
        guard let front = try? FrontMatter.split(text, path: "fuzz.md"),
              let fast = FrontMatterFields(scanning: front.yaml, path: "fuzz.md", firstLine: front.yamlFirstLine)
        else { return }
        let slow: FrontMatterFields
        do {
            slow = try FrontMatterFields(parsing: front.yaml, path: "fuzz.md", firstLine: front.yamlFirstLine)
        } catch {
            fail("the front matter scanner read text that Yams refuses (\(error))", front.yaml)
        }
        guard fast.keys == slow.keys else {
            fail("the front matter scanner read keys \(fast.keys), Yams \(slow.keys)", front.yaml)
        }
        for key in fast.keys where fast[key] != slow[key] {
            fail("the front matter scanner read `\(key)` as \(String(describing: fast[key])), Yams as \(String(describing: slow[key]))", front.yaml)
        }
    }
    #endif

    /// Every post of a page that parses is written as an article the way `portfolio import`
    /// writes it, and that article must load with the post's title, date and counts.
    static func importedPostsLoad(_ page: EportfolioPage) {
        let writer = MarkdownArticleWriter()
        for (number, post) in page.posts.enumerated() {
            let title = writer.title(for: post)
            // The pinyin slug (ICU, uninstrumented) was a third of the run's time: the first
            // post of a page gets one, the others a fixed name.
            let slug = number == 0 ? ImportSlug.base(for: title) : "post-\(number)"
            let text = writer.article(for: post, slug: slug.isEmpty ? "post" : slug, draft: post.isEmpty)
            let article: Article
            do {
                article = try FuzzInput.loader.load(text: text, path: "imported.md")
            } catch {
                fail("an imported post does not load (\(error))", text)
            }
            guard article.title == title, article.date == post.date, article.views == post.views,
                  article.replies == post.replies, article.source == post.source else {
                fail("an imported post loads as \(article.title.debugDescription) \(article.date) "
                     + "views \(article.views) replies \(article.replies) source \(String(describing: article.source))", text)
            }
        }
    }
}
