import Foundation
import PortfolioContent
import PortfolioCore
import PortfolioTemplates

extension IncrementalBuilder {
    /// A file that is not a page, with the hash of its bytes.
    struct Extra {
        var bytes: [UInt8]
        var hash: Int

        init(_ bytes: [UInt8], hash: Int? = nil) {
            self.bytes = bytes
            if let hash {
                self.hash = hash
            } else {
                var h = Hasher()
                bytes.withUnsafeBytes { h.combine(bytes: $0) }
                self.hash = h.finalize()
            }
        }

        init(_ text: String) {
            self.init(Array(text.utf8))
        }
    }

    /// The site's outputs besides pages and the search index (`Site.others`, as a full
    /// build writes them), by path: a later output at the same path takes the place of an
    /// earlier one. The sitemap comes from the cache kept from build to build, and the
    /// hashes of static files from when they were read.
    func extraFiles(_ site: Site, plan: PagePlan) -> [String: Extra] {
        let library = site.library
        let sitemap = { [self] () -> [UInt8] in
            if let edited = plan.edit?.indexes, siteState.extras["sitemap.xml"] != nil {
                if let carried = plan.carried { siteState.sitemap.reshape(paths: plan.paths, carried: carried, links: site.links) }
                _ = siteState.sitemap.update(articles: edited, library: library, links: site.links)
            } else {
                siteState.sitemap.rebuild(paths: plan.paths, library: library, links: site.links)
            }
            return siteState.sitemap.bytes
        }
        var files: [String: Extra] = [:]
        for output in site.others(sitemap: sitemap) {
            let known = output.kind == .staticFile ? settings.staticHashes[output.path]
                : output.path == "sitemap.xml" && output.kind == .feed ? siteState.sitemap.hash : nil
            files[output.path] = Extra(output.bytes, hash: known)
        }
        return files
    }

    /// Writes the extra files whose bytes changed since they were last written; returns
    /// the paths written.
    func writeExtras(_ files: [String: Extra], to folder: ServeFolder) -> [String] {
        var written: [String] = []
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            if siteState.extras[path] == file.hash { continue }
            if folder.write(path, file.bytes) { written.append(path) }
            siteState.extras[path] = file.hash
        }
        for path in siteState.extras.keys where files[path] == nil { siteState.extras[path] = nil }
        return written
    }
}
