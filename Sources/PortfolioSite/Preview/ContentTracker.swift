import Foundation
import PortfolioContent
import PortfolioCore

/// The Markdown files of a site as last read: each file's stamp, a hash of its bytes and
/// what it parsed to. Only files whose stamp moved (or that a watcher named) are read
/// again, so an edit costs one parse, not ten thousand.
struct ContentTracker {
    struct Record {
        var stamp: FileStamp
        /// Hash of the file's bytes; equal hashes mean an equal `Article`.
        var hash: Int
        var result: Result<Article, PortfolioErrors>
    }

    private(set) var records: [String: Record] = [:]
    /// The recorded paths, sorted, so a library is always built from the same order.
    private(set) var paths: [String] = []
    /// Paths whose file did not load.
    private(set) var failing: Set<String> = []

    /// Brings the records up to date. `hinted` names the files to look at; nil means scan
    /// the whole content folder. Returns the paths whose bytes changed, appeared or went.
    mutating func update(siteRoot: URL, loader: ArticleLoader, hinted: Set<String>?) -> Set<String> {
        var toRead: [(String, FileStamp)] = []
        var removed: [String] = []
        if let hinted {
            for path in hinted.sorted() {
                if let stamp = FileStamp.of(siteRoot.appendingPathComponent(path).path) {
                    toRead.append((path, stamp))
                } else if records[path] != nil {
                    removed.append(path)
                }
            }
        } else {
            let listed = ContentSource.markdownFiles(in: siteRoot.appendingPathComponent("content"), siteRoot: siteRoot)
            let stamps = Parallel.map(listed) { FileStamp.of(siteRoot.appendingPathComponent($0).path) }
            for (path, stamp) in zip(listed, stamps) {
                guard let stamp else { continue }
                if records[path]?.stamp != stamp { toRead.append((path, stamp)) }
            }
            let present = Set(listed)
            removed = records.keys.filter { !present.contains($0) }
        }
        var changed = Set(removed)
        for path in removed {
            records[path] = nil
            failing.remove(path)
        }
        let read = Parallel.map(toRead) { path, stamp in (path, Self.read(path, stamp: stamp, siteRoot: siteRoot, loader: loader)) }
        var added = false
        for (path, record) in read {
            let old = records[path]
            if old == nil { added = true }
            if old?.hash != record.hash || old == nil { changed.insert(path) }
            records[path] = record
            if case .failure = record.result { failing.insert(path) } else { failing.remove(path) }
        }
        if added || !removed.isEmpty { paths = records.keys.sorted() }
        return changed
    }

    /// Every error of every file, without gathering the articles.
    func errors() -> [PortfolioError] {
        failing.sorted().flatMap { path -> [PortfolioError] in
            if case .failure(let failure) = records[path]!.result { return failure.errors }
            return []
        }
    }

    /// The article loaded from `path`, if it loaded.
    func article(_ path: String) -> Article? {
        if case .success(let article)? = records[path]?.result { return article }
        return nil
    }

    /// Loaded articles in path order, and every error of every file.
    func loaded() -> (articles: [Article], errors: [PortfolioError]) {
        var articles: [Article] = [], errors: [PortfolioError] = []
        articles.reserveCapacity(paths.count)
        for path in paths {
            switch records[path]!.result {
            case .success(let article): articles.append(article)
            case .failure(let failure): errors += failure.errors
            }
        }
        return (articles, errors)
    }

    /// Reads and parses one file, with the same messages as a full build.
    static func read(_ path: String, stamp: FileStamp, siteRoot: URL, loader: ArticleLoader) -> Record {
        guard let data = FileManager.default.contents(atPath: siteRoot.appendingPathComponent(path).path) else {
            let error = PortfolioError(.io, "cannot read the file", at: SourceLocation(path: path))
            return Record(stamp: stamp, hash: 0, result: .failure(PortfolioErrors([error])))
        }
        var hasher = Hasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        let hash = hasher.finalize()
        guard let text = String(bytes: data, encoding: .utf8) else {
            let error = PortfolioError(.io, "the file is not UTF-8 text", at: SourceLocation(path: path, line: 1))
            return Record(stamp: stamp, hash: hash, result: .failure(PortfolioErrors([error])))
        }
        do throws(PortfolioErrors) {
            return Record(stamp: stamp, hash: hash, result: .success(try loader.load(text: text, path: path)))
        } catch {
            return Record(stamp: stamp, hash: hash, result: .failure(error))
        }
    }
}
