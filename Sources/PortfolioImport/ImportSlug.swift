import PortfolioCore

/// File names for imported posts: pinyin slugs, short, cut at a hyphen.
public enum ImportSlug {
    /// The longest slug the importer makes, in characters (before a `-2` suffix).
    public static let maxLength = 48

    /// The pinyin slug of a title (ICU `Any-Latin; Latin-ASCII` via `Slug.make`), cut to at
    /// most `maxLength` characters at a hyphen so that no word is split.
    public static func base(for title: String) -> String {
        let full = Slug.make(title, style: .pinyin, maxLength: .max)
        return shortened(full, to: maxLength)
    }

    /// `slug` cut at the last hyphen that keeps it within `length`; a first word longer
    /// than `length` is cut hard.
    public static func shortened(_ slug: String, to length: Int) -> String {
        guard slug.count > length else { return slug }
        let head = slug.prefix(length + 1)
        if let hyphen = head.lastIndex(of: "-"), hyphen > head.startIndex {
            var cut = head[..<hyphen]
            while cut.hasSuffix("-") { cut = cut.dropLast() }
            if !cut.isEmpty { return String(cut) }
        }
        return String(slug.prefix(length))
    }

    /// The `n`th candidate name for a slug: `slug`, `slug-2`, `slug-3`, …
    public static func candidate(_ slug: String, _ n: Int) -> String {
        n <= 1 ? slug : "\(slug)-\(n)"
    }
}
