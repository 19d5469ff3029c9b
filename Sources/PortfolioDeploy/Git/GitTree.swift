import Foundation
import PortfolioCore
import PortfolioPublish

/// The files a git target commits, and the copy of them into the clone's work tree. Left
/// out: the `.br`/`.gz` siblings (git hosts compress on their own, and they would double
/// the repository), `nginx.conf` and `Caddyfile` (for one's own server, which a git host
/// is not), and publish's record. Kept: `.nojekyll` and `CNAME` (GitHub Pages), and
/// `_headers`/`_redirects` (Cloudflare Pages and Netlify read them from a branch).
enum GitTree {
    static let leftOut: Set<String> = ["nginx.conf", "Caddyfile", ".portfolio-publish"]

    /// Whether the file at `path` of a published folder is committed.
    static func includes(_ path: String, in files: Set<String>) -> Bool {
        if leftOut.contains(path) { return false }
        for ending in [".br", ".gz"] where path.hasSuffix(ending) && files.contains(String(path.dropLast(ending.count))) { return false }
        return true
    }

    /// Makes the work tree at `tree` hold exactly the committed files of `folder` (beside
    /// `.git`), writing only the files whose bytes differ, so git rehashes only those.
    static func sync(from folder: URL, to tree: URL) throws(PortfolioErrors) {
        let source = folder.standardizedFileURL.path, target = tree.standardizedFileURL.path
        let all = OutputFiles(folder: source).paths
        let allSet = Set(all)
        let wanted = all.filter { includes($0, in: allSet) }
        let wantedSet = Set(wanted)
        let fm = FileManager.default
        var errors: [PortfolioError] = []
        for path in existing(in: target) where !wantedSet.contains(path) {
            do { try fm.removeItem(atPath: target + "/" + path) } catch { errors.append(ioError(target + "/" + path, error)) }
            removeEmptyFolders(above: path, in: target)
        }
        for path in wanted {
            var isFolder: ObjCBool = false
            let destination = target + "/" + path
            let old = fm.fileExists(atPath: destination, isDirectory: &isFolder) && !isFolder.boolValue ? fm.contents(atPath: destination) : nil
            guard let bytes = fm.contents(atPath: source + "/" + path) else { errors.append(ioError(source + "/" + path, nil)); continue }
            if old == bytes { continue }
            do {
                if isFolder.boolValue { try fm.removeItem(atPath: destination) }
                try fm.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try bytes.write(to: URL(fileURLWithPath: destination))
            } catch { errors.append(ioError(destination, error)) }
        }
        if !errors.isEmpty { throw PortfolioErrors(errors) }
    }

    /// The folders of a removed file that it leaves empty (git tracks no folders, but a
    /// tidy clone is easier to look into).
    static func removeEmptyFolders(above path: String, in tree: String) {
        var parts = path.split(separator: "/").dropLast()
        while !parts.isEmpty {
            let folder = tree + "/" + parts.joined(separator: "/")
            guard (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true,
                  (try? FileManager.default.removeItem(atPath: folder)) != nil else { return }
            parts = parts.dropLast()
        }
    }

    /// The files of a work tree, `.git` left out.
    static func existing(in tree: String) -> [String] {
        let fm = FileManager.default
        let top = (try? fm.contentsOfDirectory(atPath: tree)) ?? []
        var paths: [String] = []
        for name in top where name != ".git" {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: tree + "/" + name, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue { paths += OutputFiles(folder: tree + "/" + name).paths.map { name + "/" + $0 } } else { paths.append(name) }
        }
        return paths
    }

    static func ioError(_ path: String, _ error: (any Error)?) -> PortfolioError {
        PortfolioError(.io, "cannot copy into the deploy clone" + (error.map { ": \($0.localizedDescription)" } ?? ""), at: SourceLocation(path: path))
    }
}
