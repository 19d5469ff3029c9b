import PortfolioContent

/// Articles the last build's library had replaced in place (`Library.replace`), and what
/// the library held before: what the incremental builder compares the new library with.
struct LibraryEdit {
    /// Indexes of the replaced articles, each once, in the order of the edits.
    private(set) var indexes: [Int] = []
    /// The last build's version of each replaced article.
    private(set) var before: [Int: Article] = [:]
    /// The last build's terms by kind (`tags`, `categories`, `authors`).
    let terms: [String: [Term]]

    init(_ library: Library) {
        terms = ["tags": library.tags, "categories": library.categories, "authors": library.authors]
    }

    /// Replaces article `index` of `library` by `article`; false (and nothing changed) when
    /// the library must be built afresh.
    mutating func replace(_ index: Int, with article: Article, in library: inout Library) -> Bool {
        let old = library.articles[index]
        guard library.replace(index, with: article) else { return false }
        if before[index] == nil {
            indexes.append(index)
            before[index] = old
        }
        return true
    }

    /// Puts the replaced articles back, newest edit first.
    func undo(in library: inout Library) {
        for index in indexes.reversed() {
            let restored = library.replace(index, with: before[index]!)
            assert(restored, "an article's last version fits where it was")
        }
    }
}
