import Foundation
import PortfolioContent
import PortfolioCore

/// Finds and loads the Markdown files under `content/`.
public enum ContentSource {
    /// Paths of `.md` and `.markdown` files below `folder`, relative to `siteRoot`, sorted;
    /// hidden files and folders are left out.
    public static func markdownFiles(in folder: URL, siteRoot: URL) -> [String] {
        // A content folder may be a symbolic link (to a shared corpus, say): list what it points to.
        let target = folder.resolvingSymlinksInPath()
        let names = FolderListing.files(under: target.path) { $0.hasSuffix(".md") || $0.hasSuffix(".markdown") }
        let prefix = relative(folder, to: siteRoot)
        return names.map { prefix.isEmpty ? $0 : prefix + "/" + $0 }.sorted()
    }

    /// Loads every file in parallel; returns the articles and every error of every file.
    public static func load(_ paths: [String], siteRoot: URL, loader: ArticleLoader) -> (articles: [Article], errors: [PortfolioError]) {
        // Plain string paths: URL's path handling costs more than reading a small file.
        let rootPath = siteRoot.path
        // One thread more than there are cores: parsing Markdown takes turns at a lock (see
        // `MarkdownRenderer`), and a thread waiting there would otherwise leave its core idle.
        let workers = ProcessInfo.processInfo.activeProcessorCount + 1
        let results = Parallel.map(paths, workers: workers) { path -> Result<Article, PortfolioErrors> in
            let bytes: [UInt8]
            switch readBytes(rootPath + "/" + path) {
            case .success(let read): bytes = read
            case .failure(let problem): return .failure(PortfolioErrors([PortfolioError(.io, problem.message, at: SourceLocation(path: path))]))
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                let line = firstLineNotUTF8(bytes)
                return .failure(PortfolioErrors([PortfolioError(.io, "the file is not UTF-8 text (save it as UTF-8)", at: SourceLocation(path: path, line: line))]))
            }
            do throws(PortfolioErrors) { return .success(try loader.load(text: text, path: path)) } catch { return .failure(error) }
        }
        var articles: [Article] = [], errors: [PortfolioError] = []
        for result in results {
            switch result {
            case .success(let article): articles.append(article)
            case .failure(let failure): errors += failure.errors
            }
        }
        return (articles, errors)
    }

    /// Why a content file could not be read.
    public struct ReadProblem: Error {
        public var message: String
    }

    /// A file's bytes, read with plain system calls: `FileManager` asks more of the system
    /// than reading a small file does. The file is opened without blocking, so a FIFO
    /// (which would wait for a writer forever) is reported instead of hanging the build.
    public static func readBytes(_ path: String) -> Result<[UInt8], ReadProblem> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(ReadProblem(message: "cannot read the file: \(String(cString: strerror(errno)))")) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(ReadProblem(message: "cannot read the file")) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(ReadProblem(message: "not a regular file (a FIFO, socket or device); content/ holds Markdown files"))
        }
        // One byte more than the size, to see whether the file grew since it was measured.
        let room = Int(info.st_size) + 1
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
            while count < room {
                let n = read(fd, buffer.baseAddress! + count, room - count)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else {
                    complete = n == 0
                    return
                }
                count += n
            }
        }
        guard complete else { return .failure(ReadProblem(message: "cannot read the file: \(String(cString: strerror(errno)))")) }
        // The file grew while it was read: read it whole the slow way.
        if bytes.count == room {
            guard let data = FileManager.default.contents(atPath: path) else { return .failure(ReadProblem(message: "cannot read the file")) }
            return .success(Array(data))
        }
        return .success(bytes)
    }

    /// The first line of `bytes` that is not valid UTF-8. A line break is one byte that
    /// never occurs inside a UTF-8 sequence, so each line can be checked on its own.
    static func firstLineNotUTF8(_ bytes: [UInt8]) -> Int {
        var line = 1
        for piece in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if String(validating: piece, as: UTF8.self) == nil { return line }
            line += 1
        }
        return 1
    }

    static func relative(_ url: URL, to root: URL) -> String {
        let path = url.standardizedFileURL.path, base = root.standardizedFileURL.path
        if path == base { return "" }
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        return path
    }
}
