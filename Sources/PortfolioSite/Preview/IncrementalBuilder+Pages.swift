import Foundation
import PortfolioContent
import PortfolioCore
import PortfolioTemplates

extension IncrementalBuilder {
    /// The pages of one build: jobs, paths, keys, and the keys they had when last written.
    struct PagePlan {
        var context: ContextBuilder
        var facts: PageFacts
        var jobs: [PageJob]
        var paths: [String]
        var keys: [Int]
        var previous: [Int?]
        /// Whether the jobs are those of the last build.
        var samePages: Bool
        /// When the articles are those of the last build, in the same order, some replaced
        /// (`Library.replace`): what was replaced. Per-article values of the last build hold by index.
        var edit: LibraryEdit?
        /// Pages of the same jobs whose path changed (an edited title moved an article): job, old path.
        var moved: [(job: Int, old: String)] = []
        /// When the articles kept their order but the pages changed: for each page, the index
        /// of the last build's page at the same path (see `reshape`).
        var carried: [Int?]?
        /// When the articles kept their order: paths of the last build's pages that no page
        /// has now, and paths of pages that no page of the last build had.
        var gone: [String] = []
        var fresh: [String] = []

        var keptOrder: Bool { edit != nil }
        /// See `IncrementalBuilder.pathsHash`.
        var articlePaths: Int
    }

    /// Plans the pages: after edits in place (`edit`) from the last build's per-index values;
    /// otherwise from scratch, matching the last build's keys by path.
    func plan(_ library: Library, theme: Theme, edit: LibraryEdit?, clock: inout PhaseClock) -> PagePlan {
        let images = ImageSizes(statics: settings.statics, root: SiteLinks(baseURL: library.config.baseURL).root)
        let edited = edit?.indexes
        let sources = edited.map { edited in
            var sources = siteState.sources
            for i in edited { sources[i] = content.records[library.articles[i].sourcePath]!.hash }
            return sources
        } ?? library.articles.map { content.records[$0.sourcePath]!.hash }
        let (context, hashes) = cards(library, theme: theme, edited: edited, sources: sources)
        let related = relatedLists(library, edit: edit)
        let site = context.page(kind: "", title: nil, url: "")["site"].hashValue
        let pageSources = library.pages.map { content.records[$0.sourcePath]!.hash }
        let facts = PageFacts(library: library, site: site, cards: hashes, sources: sources, related: related,
                              pageSources: pageSources, images: images)
        let articlePaths = edited != nil ? siteState.articlePaths : Self.pathsHash(library)
        siteState.wantedSearchKey = Self.searchKey(paths: articlePaths, sources: sources)
        clock.lap("cards")
        if let edit {
            var plan = PagePlan(context: context, facts: facts, jobs: siteState.jobs, paths: siteState.paths, keys: [],
                                previous: siteState.keys, samePages: true, edit: edit, articlePaths: articlePaths)
            if !Self.sameTermPages(edit.terms, library) { reshape(&plan, library: library, oldTerms: edit.terms) }
            for i in edit.indexes where library.articles[i].url != edit.before[i]!.url {
                let job = siteState.articleJobs + i
                assert(plan.jobs[job] == .article(i), "article pages follow the home pages in PageJob.all")
                plan.moved.append((job, plan.paths[job]))
                plan.gone.append(plan.paths[job])
                plan.paths[job] = plan.jobs[job].outputPath(in: library)
                plan.fresh.append(plan.paths[job])
                plan.previous[job] = nil
            }
            plan.keys = Parallel.map(plan.jobs) { $0.key(facts) }
            return plan
        }
        let jobs = PageJob.all(in: library)
        let paths = jobs.map { $0.outputPath(in: library) }
        let keys = Parallel.map(jobs) { $0.key(facts) }
        let previous = paths.map { path in siteState.pageIndex[UTF8Key(path)].flatMap { siteState.keys[$0] } }
        return PagePlan(context: context, facts: facts, jobs: jobs, paths: paths, keys: keys, previous: previous, samePages: false,
                        articlePaths: articlePaths)
    }

    /// The related lists: kept from the last build after edits that changed no tags, made
    /// again for the articles an edit of tags touches, or brought up to date by the index.
    private func relatedLists(_ library: Library, edit: LibraryEdit?) -> [[Int]] {
        guard let edit else { return siteState.relatedIndex.update(library).related }
        guard edit.indexes.contains(where: { edit.before[$0]!.tags != library.articles[$0].tags }) else { return siteState.related }
        return RelatedIndex.refreshed(siteState.related, before: edit.before, library: library)
    }

    /// The page contexts, with the cards of unchanged articles taken from the last build,
    /// and every card's hash.
    private func cards(_ library: Library, theme: Theme, edited: [Int]?, sources: [Int]) -> (ContextBuilder, [Int]) {
        let renderCard: @Sendable (Context) -> String = { theme.renderCard($0) }
        if let edited {
            let context = ContextBuilder(library: library, renderCard: renderCard, base: (siteState.cards, edited))
            var hashes = siteState.cardHashes
            for i in edited { hashes[i] = remember(context.cards[i], of: library.articles[i], source: sources[i]) }
            return (context, hashes)
        }
        let cache = siteState.cardCache, articles = library.articles
        let context = ContextBuilder(library: library, renderCard: renderCard, reuse: { i in
            guard let entry = cache[articles[i].sourcePath], entry.source == sources[i] else { return nil }
            return entry.card
        })
        let hashes = articles.indices.map { i in
            guard let entry = cache[articles[i].sourcePath], entry.source == sources[i] else {
                return remember(context.cards[i], of: articles[i], source: sources[i])
            }
            return entry.hash
        }
        return (context, hashes)
    }

    /// Keeps a new card for later builds; returns its hash.
    private func remember(_ card: Context, of article: Article, source: Int) -> Int {
        let hash = card.hashValue
        siteState.cardCache[article.sourcePath] = SiteState.CardEntry(source: source, card: card, hash: hash)
        return hash
    }

    /// Renders what moved and writes what differs; records the new state.
    func update(_ folder: ServeFolder, library: Library, theme: Theme, edit: LibraryEdit?,
                report: inout RebuildReport, clock: inout PhaseClock) throws(PortfolioErrors) {
        let plan = plan(library, theme: theme, edit: edit, clock: &clock)
        clock.lap("keys")
        let site = Site(library: library, theme: theme, statics: settings.statics, pages: plan.jobs, pagePaths: plan.paths)
        let pageIndex = index(plan)
        let aliasErrors = site.aliasErrors { pageIndex[UTF8Key($0)] != nil }
        if !aliasErrors.isEmpty {
            // Planning moved the state on to this library; start the next build afresh.
            siteState.forgetPages(search: true)
            throw PortfolioErrors(aliasErrors.map { $0.inStep("library") })
        }
        let extras = extraFiles(site, plan: plan)
        let blocked = Set(extras.keys.compactMap { pageIndex[UTF8Key($0)] } + siteState.search.keys.compactMap { pageIndex[UTF8Key($0)] })
        let dirty = plan.keys.indices.filter { !blocked.contains($0) && plan.previous[$0] != plan.keys[$0] }
        let renderer = PageRenderer(library: library, theme: theme, context: plan.context, images: site.images)
        // The longest pages first, so that one of them is not left to run alone at the end.
        let order = dirty.map { (job: $0, weight: plan.jobs[$0].weight(in: library)) }.sorted { $0.weight > $1.weight }.map(\.job)
        let written = Parallel.map(order) { i -> String? in
            let page = renderer.render(plan.jobs[i])
            assert(page.path == plan.paths[i], "PageJob.outputPath disagrees with PageRenderer for \(plan.jobs[i])")
            return folder.write(page.path, Array(page.html.utf8)) ? page.path : nil
        }
        clock.lap("pages")
        report.pages = plan.jobs.count
        report.rendered = dirty.count
        let sameExtras = Set(extras.keys) == Set(siteState.extras.keys)
        let restored = restoreSearch(leaving: extras, folder: folder)
        report.written = written.compactMap { $0 } + restored + writeExtras(extras, to: folder)
        let files = outputFiles(plan, extras: extras, sameExtras: sameExtras)
        if plan.keptOrder && sameExtras {
            report.removed = plan.gone.filter { !files.contains(UTF8Key($0)) }.sorted()
        } else {
            report.removed = siteState.files.subtracting(files).map(\.text).sorted()
        }
        folder.remove(report.removed)
        clock.lap("write")
        let failures = folder.takeFailures()
        commit(plan, library: library, pageIndex: pageIndex, blocked: blocked, files: files, failures: failures)
        if !failures.isEmpty { throw PortfolioErrors(failures.map { $0.inStep("write") }) }
    }

    /// Page path → job index for the plan's pages.
    private func index(_ plan: PagePlan) -> [UTF8Key: Int] {
        guard plan.samePages else {
            var index: [UTF8Key: Int] = [:]
            index.reserveCapacity(plan.paths.count)
            for (i, path) in plan.paths.enumerated() { index[UTF8Key(path)] = i }
            return index
        }
        var index = siteState.pageIndex
        for (_, old) in plan.moved { index[UTF8Key(old)] = nil }
        for (job, _) in plan.moved { index[UTF8Key(plan.paths[job])] = job }
        return index
    }

    /// Every file the folder holds after this build.
    private func outputFiles(_ plan: PagePlan, extras: [String: Extra], sameExtras: Bool) -> Set<UTF8Key> {
        if plan.keptOrder && sameExtras {
            var files = siteState.files
            for old in plan.gone { files.remove(UTF8Key(old)) }
            for path in plan.fresh { files.insert(UTF8Key(path)) }
            for path in extras.keys { files.insert(UTF8Key(path)) }  // an old page's path may be an extra's
            return files
        }
        return Set(plan.paths.map(UTF8Key.init)).union(extras.keys.map(UTF8Key.init)).union(siteState.search.keys.map(UTF8Key.init))
    }

    /// Search files that an extra file covered until now get their own bytes back.
    private func restoreSearch(leaving extras: [String: Extra], folder: ServeFolder) -> [String] {
        siteState.extras.keys.filter { extras[$0] == nil }.compactMap { path in
            guard let bytes = siteState.search[path] else { return nil }
            return folder.write(path, bytes) ? path : nil
        }
    }

    /// Records what was written; a page whose write failed, or that a file of another kind
    /// covers, keeps no key, so a later build writes it.
    private func commit(_ plan: PagePlan, library: Library, pageIndex: [UTF8Key: Int], blocked: Set<Int>,
                        files: Set<UTF8Key>, failures: [PortfolioError]) {
        var keys = plan.keys.map { Optional($0) }
        for i in blocked { keys[i] = nil }
        for failure in failures {
            guard let path = failure.location?.path else { continue }
            if let i = pageIndex[UTF8Key(path)] { keys[i] = nil }
            siteState.extras[path] = nil
        }
        siteState.jobs = plan.jobs
        siteState.related = plan.facts.related
        if let edit = plan.edit {
            for i in edit.indexes {
                siteState.views[edit.before[i]!.slug] = nil
                siteState.views[library.articles[i].slug] = library.articles[i].views
            }
        } else {
            siteState.articleJobs = plan.jobs.firstIndex { if case .article = $0 { return true } else { return false } } ?? 0
            var byPath: [String: Int] = [:]
            for (i, article) in library.articles.enumerated() { byPath[article.sourcePath] = i }
            siteState.indexByPath = byPath
            siteState.articlePaths = plan.articlePaths
            siteState.views = Dictionary(library.articles.map { ($0.slug, $0.views) }, uniquingKeysWith: { first, _ in first })
        }
        siteState.paths = plan.paths
        siteState.pageIndex = pageIndex
        siteState.keys = keys
        siteState.library = library
        siteState.sources = plan.facts.sources
        siteState.cards = plan.context.cards
        siteState.cardHashes = plan.facts.cards
        siteState.files = files
        siteState.complete = failures.isEmpty
    }
}
