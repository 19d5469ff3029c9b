import Foundation
import Hummingbird
import PortfolioCore

/// Serves the files of the build folder: clean URLs (`/posts/x/` → `posts/x/index.html`,
/// `/posts/x` → redirect), UTF-8 content types, the site's own 404 page, `HEAD`,
/// conditional GET (ETag and Last-Modified), and nothing outside the folder. HTML gets
/// the live-reload script and the local counter endpoint. Prepared responses are cached
/// until the next build (`invalidate()`).
final class SiteFiles: @unchecked Sendable {
    struct Entry {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
        var etag: String
        var modified: String
    }

    enum Lookup {
        case found(Entry)
        case redirect(String)
        case missing
    }

    /// The folder's real path (symbolic links resolved).
    let root: String
    let counterEndpoint: String
    static let cacheLimit = (files: 50_000, bytes: 512 << 20)
    private let lock = NSLock()
    private var cache: [String: Entry] = [:]
    private var cachedBytes = 0
    private var generation = 0

    /// `folder` must exist.
    init(folder: URL, counterEndpoint: String) {
        root = URL(fileURLWithPath: folder.path).resolvingSymlinksInPath().path
        self.counterEndpoint = counterEndpoint
    }

    /// Forgets every prepared response; called after each build.
    func invalidate() {
        lock.withLock {
            generation += 1
            cache = [:]
            cachedBytes = 0
        }
    }

    /// The response to a GET or HEAD of a site file.
    func respond(to request: Request) -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        switch lookup(request.uri.path) {
        case .found(let entry):
            return response(entry, to: request)
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Response(status: .movedPermanently, headers: [.location: location + query, .contentLength: "0"])
        case .missing:
            return response(notFound(), to: request)
        }
    }

    private func response(_ entry: Entry, to request: Request) -> Response {
        if entry.status == .ok, isFresh(entry, request) {
            return Response(status: .notModified, headers: [.eTag: entry.etag, .lastModified: entry.modified, .cacheControl: "no-cache"])
        }
        if request.method == .head { return Response(status: entry.status, headers: entry.headers) }
        return Response(status: entry.status, headers: entry.headers, body: ResponseBody(byteBuffer: entry.body))
    }

    /// Whether the browser's copy is current: its ETag matches, or (with no ETag sent) its
    /// date is the file's.
    private func isFresh(_ entry: Entry, _ request: Request) -> Bool {
        if let tags = request.headers[.ifNoneMatch] {
            return tags.split(separator: ",").contains { tag in
                let t = tag.trimmingCharacters(in: .whitespaces)
                return t == "*" || t == entry.etag || t == "W/" + entry.etag
            }
        }
        return request.headers[.ifModifiedSince] == entry.modified
    }

    /// The prepared response for a raw request path.
    func lookup(_ raw: String) -> Lookup {
        if let hit = lock.withLock({ cache[raw] }) { return .found(hit) }
        let seen = lock.withLock { generation }
        guard let path = RequestPath(raw) else { return .missing }
        let full = root + "/" + path.relative
        var info = stat()
        guard stat(full, &info) == 0 else { return .missing }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return path.isFolder ? .missing : .redirect(path.folderLocation)
        }
        guard let entry = read(full, status: .ok, type: ContentTypes.of(path.relative)) else { return .missing }
        store(entry, at: raw, seen: seen)
        return .found(entry)
    }

    /// The site's 404 page (or a plain one), with status 404.
    private func notFound() -> Entry {
        let key = "\u{0}404"
        if let hit = lock.withLock({ cache[key] }) { return hit }
        let seen = lock.withLock { generation }
        let entry = read(root + "/404.html", status: .notFound, type: ContentTypes.html)
            ?? prepare(Array("404 page not found\n".utf8), status: .notFound, type: "text/plain; charset=utf-8", modified: 0)
        store(entry, at: key, seen: seen)
        return entry
    }

    /// Reads a regular file that really lies inside the folder (symbolic links resolved).
    private func read(_ path: String, status: HTTPResponse.Status, type: String) -> Entry? {
        guard let real = realpath(path, nil) else { return nil }
        let resolved = String(cString: real)
        free(real)
        var info = stat()
        guard resolved.hasPrefix(root + "/"), stat(resolved, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let data = FileManager.default.contents(atPath: resolved) else { return nil }
        var bytes = Array(data)
        if ContentTypes.isHTML(type) { bytes = HTMLInjector.inject(bytes, counterEndpoint: counterEndpoint) }
        return prepare(bytes, status: status, type: type, modified: Int(info.st_mtim.tv_sec))
    }

    private func prepare(_ bytes: [UInt8], status: HTTPResponse.Status, type: String, modified: Int) -> Entry {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let etag = "\"" + String(hash, radix: 16) + "-" + String(bytes.count, radix: 16) + "\""
        let date = HTTPDate.format(modified)
        let headers: HTTPFields = [
            .contentType: type, .contentLength: String(bytes.count), .eTag: etag, .lastModified: date, .cacheControl: "no-cache",
        ]
        return Entry(status: status, headers: headers, body: ByteBuffer(bytes: bytes), etag: etag, modified: date)
    }

    /// Caches an entry unless a build finished since the lookup began (it may be stale).
    private func store(_ entry: Entry, at key: String, seen: Int) {
        lock.withLock {
            guard generation == seen else { return }
            if cache.count >= Self.cacheLimit.files || cachedBytes + entry.body.readableBytes > Self.cacheLimit.bytes {
                cache = [:]
                cachedBytes = 0
            }
            cache[key] = entry
            cachedBytes += entry.body.readableBytes
        }
    }
}
