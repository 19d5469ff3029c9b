import PortfolioContent
import PortfolioCore
import Testing

@Suite("Related articles on many tags")
struct RelatedPairsTests {
    /// A reference: every other article with the number of its tags' terms it shares,
    /// counting each of `index`'s tag names, sorted most shared first, then newest.
    func expected(_ library: Library, _ index: Int, count: Int) -> [Int] {
        let mine = library.articles[index].tags.map(library.slug(for:))
        var shared: [(Int, Int)] = []
        for other in library.articles.indices where other != index {
            let theirs = Set(library.articles[other].tags.map(library.slug(for:)))
            let n = mine.filter(theirs.contains).count
            if n > 0 { shared.append((other, n)) }
        }
        return shared.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(count).map(\.0)
    }

    /// Pseudo-random articles with few or many of `tagCount` tags, some spelled twice
    /// (`SEO` and `seo` have one slug), and a reference check of every article's list.
    @Test(arguments: [(3, 40, 1), (8, 120, 2), (30, 200, 3)])
    func agreesWithCounting(tagCount: Int, articleCount: Int, seed: UInt64) throws {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let loader = ArticleLoader(config: SiteConfig())
        let articles = try (0..<articleCount).map { i in
            let names = (0..<next(6)).map { _ in next(5) == 0 ? "SEO" : next(4) == 0 ? "seo" : "t\(next(tagCount))" }
            let day = 1 + next(28)
            return try loader.load(text: "---\ntitle: a\(i)\ndate: 2020-02-\(day < 10 ? "0" : "")\(day) 10:00:00\n"
                                   + "tags: [\(names.joined(separator: ", "))]\n---\n正文。\n", path: "a\(i).md")
        }
        let library = try Library(articles: articles, config: SiteConfig())
        for index in library.articles.indices {
            for count in [1, 5, 12] {
                #expect(library.related(to: index, count: count) == expected(library, index, count: count))
            }
        }
    }
}
