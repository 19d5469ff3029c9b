import Foundation
import PortfolioPublish

/// A small folder shaped like publish's output, written by hand so that the engine's
/// tests need no build: pages with `.gz` and `.br` siblings, a hashed stylesheet, an
/// image, the host files, and a `_headers` that gives the cache rules.
struct PublishedFolder {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("portfolio-deploy-\(UUID().uuidString)")
        try write("_headers", """
            /*
              X-Content-Type-Options: nosniff
            /assets/style.0123456789.css
              Cache-Control: public, max-age=31536000, immutable
            /
              Cache-Control: public, max-age=0, must-revalidate
            /index.html
              Cache-Control: public, max-age=0, must-revalidate
            /posts/*
              Cache-Control: public, max-age=0, must-revalidate

            """)
        for name in ["_redirects", "nginx.conf", "Caddyfile", ".nojekyll", ".portfolio-publish"] { try write(name, "host\n") }
        try text("index.html", "<!doctype html><title>首頁</title>" + String(repeating: "<p>社群</p>", count: 40))
        try text("assets/style.0123456789.css", String(repeating: "body { color: #222; }\n", count: 30))
        try write("images/圖.png", "\u{89}PNG not really")
        for i in 0..<5 { try page(i, "第 \(i) 篇") }
    }

    /// `posts/post-i/index.html`, compressed beside it.
    func page(_ i: Int, _ title: String) throws {
        try text("posts/post-\(i)/index.html", "<!doctype html><title>\(title)</title>" + String(repeating: "<p>\(title)</p>", count: 40))
    }

    /// A text file with the `.gz` and `.br` siblings publish would write.
    func text(_ path: String, _ content: String) throws {
        try write(path, content)
        let bytes = Array(content.utf8)
        try write(path + ".gz", Gzip.compress(bytes, level: 6)!)
        try write(path + ".br", Brotli.compress(bytes, quality: 5)!)
    }

    func write(_ path: String, _ text: String) throws { try write(path, Array(text.utf8)) }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }
}
