import Foundation
import PortfolioContent
import PortfolioCore

extension IncrementalBuilder {
    /// The key of the search index: the articles' paths (see `pathsHash`) and sources, in
    /// library order. The index is a function of the articles (and of the config, whose
    /// change starts everything afresh).
    static func searchKey(paths: Int, sources: [Int]) -> Int {
        var h = Hasher()
        h.combine(paths)
        h.combine(sources.count)
        for source in sources { h.combine(source) }
        return h.finalize()
    }

    /// A hash of the articles' source paths in library order.
    static func pathsHash(_ library: Library) -> Int {
        var h = Hasher()
        for article in library.articles { h.combine(article.sourcePath) }
        return h.finalize()
    }

    /// Writes a computed index unless a later build wants another one; removes the index
    /// files the new index no longer has. Files the site also makes as extras (a static
    /// file at the same path) stay the extras', as in a full build.
    static func commitSearch(_ files: [String: [UInt8]], key: Int, state: inout SiteState, folder: ServeFolder) -> [String]? {
        guard state.wantedSearchKey == key else { return nil }
        var written: [String] = []
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) where state.extras[path] == nil {
            if folder.write(path, bytes) { written.append(path) }
        }
        let gone = Set(state.search.keys).subtracting(files.keys)
            .filter { state.extras[$0] == nil && state.pageIndex[UTF8Key($0)] == nil }
        folder.remove(gone.sorted())
        state.files.subtract(gone.map(UTF8Key.init))
        state.files.formUnion(files.keys.map(UTF8Key.init))
        state.search = files
        state.searchKey = key
        return written + gone.sorted()
    }

    /// Brings the search index up to date with the last good build, if it is behind. The
    /// index is computed without holding the builder, so builds can run meanwhile; if one
    /// of them changes the articles, this index is dropped (that build wants its own).
    /// Returns the files written or removed and the seconds taken; nil when there was
    /// nothing to do or the index was dropped.
    public func updateSearch() -> (files: [String], seconds: Double)? {
        let start = DispatchTime.now().uptimeNanoseconds
        guard let (library, key) = searchWork() else { return nil }
        let files = SearchStep.files(library)
        guard let changed = withLock({ () -> [String]? in
            guard let folder = folderIfOpen else { return nil }
            return Self.commitSearch(files, key: key, state: &siteState, folder: folder)
        }) else { return nil }
        return (changed, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// Whether the search index lags behind the last good build.
    public var searchIsBehind: Bool {
        withLock { siteState.wantedSearchKey != nil && siteState.wantedSearchKey != siteState.searchKey }
    }
}
