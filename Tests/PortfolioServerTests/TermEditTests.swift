import Foundation
import PortfolioSite
import PortfolioTestSupport
import Testing

/// Edits of an article's tags, categories or author keep the library in place (the
/// articles keep their order), yet pages of terms come, go and change their page count;
/// after each the folder equals a full build.
@Suite struct TermEditTests {
    /// Article `i` of the fixture with its tags, its category or its author replaced.
    static func article(_ i: Int, tags: [String]? = nil, category: String? = nil, author: String? = nil) -> String {
        var text = FixtureSite.article(i, tags: tags)
        if let category { text = text.replacingOccurrences(of: "categories: [\(FixtureSite.categories[i % 3])]", with: "categories: [\(category)]") }
        if let author { text = text.replacingOccurrences(of: "author: \(i % 3 == 0 ? "王曉華" : "行銷筆記室")", with: "author: \(author)") }
        return text
    }

    static func tags(_ i: Int) -> [String] {
        [FixtureSite.tags[i % 6], FixtureSite.tags[(i * 2 + 1) % 6]] + (i % 4 == 0 ? [FixtureSite.tags[(i + 3) % 6]] : [])
    }

    /// (step, files to write: post number → text).
    static let steps: [(String, [Int: String])] = [
        ("a new tag on one article (its page appears)", [3: article(3, tags: tags(3) + ["小眾"])]),
        ("the new tag on two more", [4: article(4, tags: tags(4) + ["小眾"]), 5: article(5, tags: tags(5) + ["小眾"])]),
        ("a fourth article gives the tag a second page", [6: article(6, tags: ["小眾"] + tags(6))]),
        ("one leaves the tag (its second page goes)", [4: article(4)]),
        ("a tag dropped and another taken", [8: article(8, tags: [FixtureSite.tags[0]])]),
        ("the tag spelled in lower case", [9: article(9, tags: ["stp", "C2M"])]),
        ("a new category", [10: article(10, category: "新分類")]),
        ("a new author", [11: article(11, author: "新作者")]),
        ("the last articles leave the new tag (its page goes)", [3: article(3), 5: article(5), 6: article(6)]),
        ("category and author back", [10: article(10), 11: article(11)]),
    ]

    @Test func termEditsEqualAFullBuild() throws {
        let site = try FixtureSite(articles: 25)
        defer { site.delete() }
        let builder = IncrementalBuilder(options: site.options(output: ".serve"))
        try builder.build()
        for (name, writes) in Self.steps {
            for (i, text) in writes { try site.write(FixtureSite.postPath(i), text) }
            let report = try builder.build(SourceChanges(paths: Set(writes.keys.map(FixtureSite.postPath))))
            let diff = differences(FixtureSite.files(in: site.url(".serve")), try site.fullBuild())
            #expect(diff.isEmpty, "after “\(name)”: \(diff.prefix(8))")
            #expect(FixtureSite.emptyFolders(in: site.url(".serve")).isEmpty, "after “\(name)”")
            #expect(report.keptLibrary, "after “\(name)”")
            #expect(report.rendered < report.pages / 2, "after “\(name)”")
        }
    }

    @Test func aNewTagPageAppearsAndGoes() throws {
        let site = try FixtureSite(articles: 25)
        defer { site.delete() }
        let builder = IncrementalBuilder(options: site.options(output: ".serve"))
        try builder.build()
        try site.write(FixtureSite.postPath(3), Self.article(3, tags: Self.tags(3) + ["小眾"]))
        let added = try builder.build(SourceChanges(paths: [FixtureSite.postPath(3)]))
        #expect(added.written.contains("tags/小眾/index.html"))
        #expect(added.written.contains("sitemap.xml"))
        try site.write(FixtureSite.postPath(3), Self.article(3))
        let removed = try builder.build(SourceChanges(paths: [FixtureSite.postPath(3)]))
        #expect(removed.removed == ["tags/小眾/index.html"])
        #expect(differences(FixtureSite.files(in: site.url(".serve")), try site.fullBuild()).isEmpty)
    }

    @Test func aBatchWithADateChangeBuildsAfresh() throws {
        let site = try FixtureSite(articles: 25)
        defer { site.delete() }
        let builder = IncrementalBuilder(options: site.options(output: ".serve"))
        try builder.build()
        // post-3's new tag fits in place and is applied first; post-4's new date does not, so the library is made again.
        try site.write(FixtureSite.postPath(3), Self.article(3, tags: Self.tags(3) + ["小眾"]))
        try site.write(FixtureSite.postPath(4), FixtureSite.article(4, date: "2024-05-31 10:00:00"))
        let batch = try builder.build(SourceChanges(paths: [FixtureSite.postPath(3), FixtureSite.postPath(4)]))
        #expect(!batch.keptLibrary)
        #expect(differences(FixtureSite.files(in: site.url(".serve")), try site.fullBuild()).isEmpty)
        try site.write(FixtureSite.postPath(3), Self.article(3))
        let after = try builder.build(SourceChanges(paths: [FixtureSite.postPath(3)]))
        #expect(after.keptLibrary)
        #expect(differences(FixtureSite.files(in: site.url(".serve")), try site.fullBuild()).isEmpty)
    }
}
