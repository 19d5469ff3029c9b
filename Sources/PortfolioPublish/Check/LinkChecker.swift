import Foundation
import PortfolioCore

/// `portfolio check`'s internal checks over a built folder: links, `#anchors`, images,
/// scripts and stylesheets that point to nothing, aliases that a server would never
/// reach, pages nothing links to, and images without `alt`. The pages are scanned in
/// parallel, each once.
public struct LinkChecker: Sendable {
    let folder: String
    let address: SiteAddress

    /// A checker of the folder at `folder`, built for the site at `baseURL`.
    public init(folder: URL, baseURL: String) {
        self.folder = folder.standardizedFileURL.path
        self.address = SiteAddress(links: SiteLinks(baseURL: baseURL))
    }

    /// Checks every HTML file of the folder.
    public func run() -> CheckReport {
        let files = OutputFiles(folder: folder)
        let pages = files.paths.indices.filter { Self.isHTML(files.paths[$0]) }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
        let chunks = stride(from: 0, to: pages.count, by: max(1, (pages.count + workers - 1) / workers)).map {
            Array(pages[$0..<min(pages.count, $0 + max(1, (pages.count + workers - 1) / workers))])
        }
        let scanned = Parallel.map(chunks) { chunk in PageChecker(checker: self, files: files).check(chunk) }.flatMap { $0 }
        return finish(scanned, files: files)
    }

    static func isHTML(_ path: String) -> Bool { path.hasSuffix(".html") || path.hasSuffix(".htm") }

    /// The checks that need every page scanned first: anchors in other pages, aliases that
    /// land on pages, and pages nothing links to.
    private func finish(_ results: [PageResult], files: OutputFiles) -> CheckReport {
        var anchors = [Set<UTF8Key>?](repeating: nil, count: files.paths.count)
        var redirects = Set<Int32>()
        var linked = [Bool](repeating: false, count: files.paths.count)
        for result in results {
            anchors[Int(result.file)] = result.anchors
            if result.isRedirect { redirects.insert(result.file) }
            for target in result.linked { linked[Int(target)] = true }
        }
        var problems = results.flatMap(\.problems)
        var late: [(file: Int32, offset: Int, message: String)] = []
        for result in results {
            let path = files.paths[Int(result.file)]
            for wanted in result.fragments {
                guard let ids = anchors[Int(wanted.target)], !ids.contains(UTF8Key(wanted.fragment)), wanted.fragment != "top" else { continue }
                late.append((result.file, wanted.offset, "missing anchor #\(wanted.fragment) in /\(files.paths[Int(wanted.target)])"))
            }
            if let offset = result.redirectAt, let landing = aliasLanding(path, files: files), !redirects.contains(landing) {
                late.append((result.file, offset, "alias collides with the page /\(files.paths[Int(landing)]): a server decodes this address to that page, so the redirect is never reached"))
            }
            if !result.isRedirect, !linked[Int(result.file)], isListable(path) {
                problems.append(CheckProblem(.warning, path, line: 1, "no other page links to this page"))
            }
        }
        problems += located(late, files: files)
        var external: [String: [ExternalUse]] = [:]
        for result in results {
            for use in result.external { external[use.url, default: []].append(ExternalUse(path: files.paths[Int(result.file)], line: use.line)) }
        }
        return CheckReport(problems: problems.sorted(), pages: results.count, references: results.reduce(0) { $0 + $1.referenceCount }, external: external)
    }

    /// Errors found after the pages were scanned, with their lines: each page is read
    /// again, only for these (they are few).
    private func located(_ found: [(file: Int32, offset: Int, message: String)], files: OutputFiles) -> [CheckProblem] {
        var buffer: [UInt8] = []
        return found.map { item in
            let path = files.paths[Int(item.file)]
            let count = OutputFiles.read(folder + "/" + path, into: &buffer) ?? 0
            let line = buffer.withUnsafeBufferPointer { Self.line(of: min(item.offset, count), in: UnsafeBufferPointer(rebasing: $0[0..<count])) }
            return CheckProblem(.error, path, line: line, item.message)
        }
    }

    /// The file a server would answer a redirect page's address with, when percent-decoding
    /// the address gives another file's path (`old/%E5%B8%82/` is `old/市/`).
    private func aliasLanding(_ path: String, files: OutputFiles) -> Int32? {
        let decoded = SiteAddress.decode(Substring(path))
        guard decoded != path, let file = files.index[UTF8Key(decoded)] else { return nil }
        return file
    }

    /// Pages that should be linked from somewhere: all but the home page and the 404 page.
    private func isListable(_ path: String) -> Bool {
        path != "index.html" && path != "404.html"
    }

    /// The 1-based line of a byte offset.
    static func line(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 1 }
        var line = 1, i = 0
        while i < offset, let hit = memchr(base + i, Int32(UInt8(ascii: "\n")), offset - i) {
            line += 1
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return line
    }
}
