import Foundation
import PortfolioCore

/// The sizes of the site's local images (its `static/` files), and the width and height
/// they give the `<img>` tags of rendered articles, so a page does not shift as lazy
/// images arrive.
public struct ImageSizes: Sendable, Hashable {
    /// Path below the site's root (`images/a.png`) → size.
    public let sizes: [String: ImageSize]
    /// The site's root path, `/` or `/blog/`.
    let root: String

    static let extensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp"]

    public init(statics: [StaticFile], root: String) {
        var sizes: [String: ImageSize] = [:]
        for file in statics where Self.extensions.contains((file.path as NSString).pathExtension.lowercased()) {
            if let size = ImageSize.read(file.bytes) { sizes[file.path] = size }
        }
        self.sizes = sizes
        self.root = root
    }

    /// `html` with `width` and `height` on every lazy image whose `src` is a root-relative
    /// path to a known image. The markers are the Markdown module's (`<img loading="lazy" src="`).
    public func apply(_ html: String) -> String {
        let start = "<img loading=\"lazy\" src=\""
        guard !sizes.isEmpty, html.contains(start) else { return html }
        var parts = html.components(separatedBy: start)
        for i in parts.indices.dropFirst() {
            guard let quote = parts[i].firstIndex(of: "\""), let size = size(of: String(parts[i][..<quote])) else { continue }
            parts[i].insert(contentsOf: "\" width=\"\(size.width)\" height=\"\(size.height)", at: quote)
        }
        return parts.joined(separator: start)
    }

    /// The size of the image at `src` as written in HTML (entity- and percent-encoded).
    func size(of src: String) -> ImageSize? {
        let url = src.replacingOccurrences(of: "&amp;", with: "&")
        guard url.hasPrefix(root), !url.contains("?"), !url.contains("#") else { return nil }
        let path = String(url.dropFirst(root.count))
        return sizes[path.removingPercentEncoding ?? path]
    }
}
