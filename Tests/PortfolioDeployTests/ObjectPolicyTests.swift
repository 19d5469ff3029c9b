import Crypto
import Foundation
import PortfolioCore
import PortfolioDeploy
import PortfolioPublish
import Testing

@Suite("object storage policy")
struct ObjectPolicyTests {
    /// Text goes up as its gzip sibling under the plain key; siblings and host files stay
    /// behind; a file without a sibling, or a `.gz` that is no one's sibling, goes as it is.
    @Test func decisions() {
        let files: Set<String> = ["a.html", "a.html.gz", "a.html.br", "tiny.txt", "p.png", "_headers", "nginx.conf",
                                  "CNAME", ".portfolio-publish", "dl/data.tar.gz", "posts/_headers"]
        #expect(ObjectPolicy.decision(for: "a.html", in: files) == .gzip(source: "a.html.gz"))
        #expect(ObjectPolicy.decision(for: "a.html.gz", in: files) == .skip)
        #expect(ObjectPolicy.decision(for: "a.html.br", in: files) == .skip)
        #expect(ObjectPolicy.decision(for: "tiny.txt", in: files) == .plain)
        #expect(ObjectPolicy.decision(for: "p.png", in: files) == .plain)
        #expect(ObjectPolicy.decision(for: "dl/data.tar.gz", in: files) == .plain)
        for host in ["_headers", "nginx.conf", "CNAME", ".portfolio-publish"] { #expect(ObjectPolicy.decision(for: host, in: files) == .skip) }
        // Only the top of the folder holds host files; the same name deeper is content.
        #expect(ObjectPolicy.decision(for: "posts/_headers", in: files) == .plain)
    }

    /// The inventory of a published folder: keys, the uploaded bytes' MD5, the types, the
    /// encodings, and Cache-Control as `_headers` says, revalidation for what it does not name.
    @Test func inventoryFollowsThePolicyAndTheHeaders() throws {
        let folder = try PublishedFolder()
        let inventory = try LocalInventory(folder: folder.root, root: "/")
        #expect(inventory.files.map(\.key) == ["assets/style.0123456789.css", "images/圖.png", "index.html"] + (0..<5).map { "posts/post-\($0)/index.html" })
        let byKey = Dictionary(uniqueKeysWithValues: inventory.files.map { ($0.key, $0) })
        let index = try #require(byKey["index.html"])
        let gz = try Data(contentsOf: folder.root.appendingPathComponent("index.html.gz"))
        #expect(index.source == "index.html.gz" && index.contentEncoding == "gzip" && index.size == gz.count)
        #expect(index.md5 == Array(Insecure.MD5.hash(data: gz)))
        #expect(index.contentType == "text/html; charset=utf-8" && index.cacheControl == SecurityHeaders.revalidate)
        #expect(byKey["assets/style.0123456789.css"]?.cacheControl == SecurityHeaders.immutable)
        #expect(byKey["assets/style.0123456789.css"]?.contentType == "text/css; charset=utf-8")
        #expect(byKey["posts/post-3/index.html"]?.cacheControl == SecurityHeaders.revalidate)
        let png = try #require(byKey["images/圖.png"])
        #expect(png.contentEncoding == nil && png.contentType == "image/png" && png.cacheControl == CacheRules.fallback)
        let upload = try inventory.upload(index)
        #expect(upload.body == Array(gz) && Gzip.decompress(upload.body).map { String(decoding: $0, as: UTF8.self).hasPrefix("<!doctype html><title>首頁") } == true)
    }

    /// A folder that publish did not make is refused, not uploaded with guessed headers.
    @Test func refusesAnUnpublishedFolder() throws {
        let folder = try PublishedFolder()
        try folder.remove("_headers")
        #expect(throws: PortfolioErrors.self) { try LocalInventory(folder: folder.root, root: "/") }
    }
}
