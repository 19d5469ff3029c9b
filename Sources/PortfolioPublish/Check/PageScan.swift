/// What the checker needs from one HTML file: its references, the anchors it has, its
/// images without `alt`, and whether it is a redirect page. Offsets are byte offsets
/// into the file; lines are counted only for the references that are reported.
struct PageScan: Sendable {
    /// What a reference loads or points to, which decides the words of its message.
    enum Kind: Sendable {
        case link, stylesheet, script, image, media, other, redirect

        var missing: String {
            switch self {
            case .link: "broken link"
            case .stylesheet: "missing stylesheet"
            case .script: "missing script"
            case .image: "missing image"
            case .media: "missing media file"
            case .other: "missing file"
            case .redirect: "redirect to a missing page"
            }
        }
    }

    struct Reference: Sendable {
        var offset: Int
        var kind: Kind
        var value: String
    }

    var references: [Reference] = []
    /// Every `id`, and every `name` of an `<a>`, entities decoded.
    var anchors: [String] = []
    var imagesWithoutAlt: [Int] = []
    /// The offset of `<meta http-equiv="refresh">` in a redirect page.
    var redirectAt: Int?
}
