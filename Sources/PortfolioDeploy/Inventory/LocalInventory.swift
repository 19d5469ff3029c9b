import Crypto
import Foundation
import PortfolioCore
import PortfolioPublish

/// Every object a published folder gives object storage (by `ObjectPolicy`), with its
/// MD5, Content-Type, and Cache-Control by the rules publish wrote into `_headers`.
public struct LocalInventory: Sendable {
    /// The published folder.
    public let folder: URL
    /// The objects, sorted by key.
    public let files: [LocalFile]

    /// The inventory of `folder`, a site published under the root-relative path `root`
    /// (`/` or `/blog/`, from `base_url`). A folder without `_headers` was not made by
    /// `publish` (it has no hashed assets or gzip files to go by) and is refused.
    public init(folder: URL, root: String) throws(PortfolioErrors) {
        self.folder = folder
        let base = folder.standardizedFileURL.path
        guard let headers = try? String(contentsOf: folder.appendingPathComponent("_headers"), encoding: .utf8) else {
            throw PortfolioErrors([PortfolioError(.deploy, "\(base) was not made by `portfolio publish` (it has no _headers); "
                + "publish it first, or leave out --output to publish and deploy at once")])
        }
        let rules = CacheRules(headers: headers)
        let paths = OutputFiles(folder: base).paths
        let all = Set(paths)
        let chosen: [(key: String, source: String, gzip: Bool)] = paths.compactMap { path in
            switch ObjectPolicy.decision(for: path, in: all) {
            case .skip: nil
            case .plain: (path, path, false)
            case .gzip(let source): (path, source, true)
            }
        }
        let hashed = Parallel.map(chosen) { item -> Result<LocalFile, PortfolioError> in
            guard let bytes = Self.read(base + "/" + item.source) else {
                return .failure(PortfolioError(.io, "cannot read this file", at: SourceLocation(path: base + "/" + item.source)))
            }
            return .success(LocalFile(key: item.key, source: item.source, size: bytes.count, md5: Array(Insecure.MD5.hash(data: bytes)),
                                      contentType: ContentTypes.of(item.key), cacheControl: rules.cacheControl(for: root + SiteLinks.encode(item.key)),
                                      contentEncoding: item.gzip ? "gzip" : nil))
        }
        var files: [LocalFile] = [], errors: [PortfolioError] = []
        for result in hashed {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let error): errors.append(error)
            }
        }
        if !errors.isEmpty { throw PortfolioErrors(errors) }
        self.files = files
    }

    /// The upload of one file, read again; an error if it changed since the inventory.
    public func upload(_ file: LocalFile) throws(PortfolioErrors) -> ObjectUpload {
        let path = folder.standardizedFileURL.path + "/" + file.source
        guard let body = Self.read(path), Array(Insecure.MD5.hash(data: body)) == file.md5 else {
            throw PortfolioErrors([PortfolioError(.deploy, "changed or vanished while deploying; run the deploy again", at: SourceLocation(path: path))])
        }
        return ObjectUpload(key: file.key, body: body, contentType: file.contentType, cacheControl: file.cacheControl,
                            contentEncoding: file.contentEncoding, md5: file.md5)
    }

    static func read(_ path: String) -> [UInt8]? {
        var buffer: [UInt8] = []
        guard let count = OutputFiles.read(path, into: &buffer) else { return nil }
        return Array(buffer.prefix(count))
    }
}
