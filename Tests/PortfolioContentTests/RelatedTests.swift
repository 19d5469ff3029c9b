import PortfolioContent
import PortfolioCore
import Testing

@Suite("Related articles")
struct RelatedTests {
    /// Five articles, newest first in the library: E, D, C, A, B.
    func library() throws -> Library {
        let loader = ArticleLoader(config: SiteConfig())
        let specs = [("A", "2020-02-01", "x, y, z"), ("B", "2020-01-01", "x, y, z"), ("C", "2020-03-01", "x, y"),
                     ("D", "2020-04-01", "x"), ("E", "2020-05-01", "z, y, x"), ("F", "2020-06-01", "w")]
        let articles = try specs.map { title, date, tags in
            try loader.load(text: "---\ntitle: \(title)\ndate: \(date) 10:00:00\ntags: [\(tags)]\n---\n正文。\n", path: "\(title).md")
        }
        return try Library(articles: articles, config: SiteConfig())
    }

    @Test func mostSharedTagsFirstThenNewest() throws {
        let library = try library()
        func titles(_ indexes: [Int]) -> [String] { indexes.map { library.articles[$0].title } }
        let a = try #require(library.articles.firstIndex { $0.title == "A" })
        #expect(titles(library.related(to: a, count: 10)) == ["E", "B", "C", "D"])
        #expect(titles(library.related(to: a, count: 3)) == ["E", "B", "C"])
        #expect(titles(library.related(to: a, count: 1)) == ["E"])
        #expect(library.related(to: a, count: 0).isEmpty)
        let f = try #require(library.articles.firstIndex { $0.title == "F" })
        #expect(library.related(to: f, count: 5).isEmpty)
    }
}
