/// Media types of the files a site serves, by extension; text types say UTF-8. The
/// preview server and deploy (for object storage's Content-Type) both use it.
public enum ContentTypes {
    /// The type of HTML pages.
    public static let html = "text/html; charset=utf-8"

    /// Types by lower-case file name ending.
    public static let byExtension: [String: String] = [
        "html": html, "htm": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "pdf": "application/pdf", "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg",
        "wasm": "application/wasm", "bin": "application/octet-stream",
        "webmanifest": "application/manifest+json",
    ]

    /// The type of the file at `path`; the Atom feed gets its own.
    public static func of(_ path: String) -> String {
        if path == "feed.xml" || path.hasSuffix("/feed.xml") { return "application/atom+xml; charset=utf-8" }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "application/octet-stream" }
        return byExtension[path[path.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    /// Whether a type is the HTML pages' type.
    public static func isHTML(_ type: String) -> Bool { type == html }
}
