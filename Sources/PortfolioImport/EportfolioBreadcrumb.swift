/// The page's breadcrumb line, `位置: AUTHOR > CATEGORY`.
public struct EportfolioBreadcrumb: Sendable, Hashable {
    /// The blog owner named first.
    public var author: String
    /// The last level after the author (the category the page lists), if any.
    public var category: String?

    /// A breadcrumb from its parts.
    public init(author: String, category: String?) {
        self.author = author
        self.category = category
    }

    /// Reads a breadcrumb line (`:` or `：`, `>` or `＞`); nil for any other line.
    public static func parse(_ line: String) -> EportfolioBreadcrumb? {
        let text = EportfolioText.trimmed(line)
        guard text.hasPrefix("位置") else { return nil }
        let rest = EportfolioText.trimmed(text.dropFirst(2))
        guard let colon = rest.first, colon == ":" || colon == "：" else { return nil }
        let levels = rest.dropFirst().split(whereSeparator: { $0 == ">" || $0 == "＞" || $0 == "›" })
            .map { EportfolioText.collapsed($0) }
            .filter { !$0.isEmpty }
        guard let author = levels.first else { return nil }
        return EportfolioBreadcrumb(author: author, category: levels.count > 1 ? levels.last : nil)
    }
}
