import PortfolioContent
import PortfolioCore

extension IncrementalBuilder {
    /// Whether a library has the same pages (`PageJob.all`, paths included) as the last
    /// build's, which held the same articles in the same order and the terms `old` (by kind):
    /// the same terms by slug, each with as many articles.
    static func sameTermPages(_ old: [String: [Term]], _ library: Library) -> Bool {
        old.allSatisfy { kind, was in
            let now = PageJob.terms(kind, library)
            return was.count == now.count && zip(was, now).allSatisfy { $0.slug == $1.slug && $0.articles.count == $1.articles.count }
        }
    }

    /// After edits that kept the articles in order but changed which terms there are or how
    /// many pages one has, the plan's pages become those of `library`. A page at the path of
    /// one of the last build's pages takes over that page's path and key; the others are
    /// new (`fresh`), and the last build's pages no page took over are `gone`.
    func reshape(_ plan: inout PagePlan, library: Library, oldTerms: [String: [Term]]) {
        let jobs = PageJob.all(in: library)
        let carried = Self.carried(jobs, library: library, from: siteState.jobs, oldTerms: oldTerms)
        var taken = [Bool](repeating: false, count: siteState.jobs.count)
        var paths: [String] = [], previous: [Int?] = []
        paths.reserveCapacity(jobs.count)
        previous.reserveCapacity(jobs.count)
        for (job, old) in zip(jobs, carried) {
            if let old {
                taken[old] = true
                paths.append(siteState.paths[old])
                previous.append(siteState.keys[old])
            } else {
                paths.append(job.outputPath(in: library))
                previous.append(nil)
                plan.fresh.append(paths[paths.count - 1])
            }
        }
        plan.gone += taken.indices.filter { !taken[$0] }.map { siteState.paths[$0] }
        plan.jobs = jobs
        plan.paths = paths
        plan.previous = previous
        plan.carried = carried
        plan.samePages = false
    }

    /// For each of `jobs` (the pages of `library`), the index in `oldJobs` (the pages of the
    /// last build, whose terms by kind were `oldTerms`) of the page at the same path, or nil.
    /// The two libraries hold the same articles in the same order, so only the pages of
    /// terms differ: the pages before and after them are the same, and a term's page is at
    /// the path of the old term's page of the same slug and number.
    static func carried(_ jobs: [PageJob], library: Library, from oldJobs: [PageJob], oldTerms: [String: [Term]]) -> [Int?] {
        let section = termSection(jobs), oldSection = termSection(oldJobs)
        assert(section.lowerBound == oldSection.lowerBound && jobs.count - section.upperBound == oldJobs.count - oldSection.upperBound)
        var indexes: [String: Int] = [:]
        var firstPages: [String: [String: (job: Int, pages: Int)]] = [:]
        for k in oldSection {
            switch oldJobs[k] {
            case .termIndex(let kind): indexes[kind] = k
            case let .termList(kind, term, page) where page.number == 1:
                firstPages[kind, default: [:]][oldTerms[kind]![term].slug] = (k, page.total)
            default: break
            }
        }
        // Old first page of each new term, by kind and new term index.
        var byTerm: [String: [(job: Int, pages: Int)?]] = [:]
        for kind in indexes.keys {
            byTerm[kind] = PageJob.terms(kind, library).map { firstPages[kind]?[$0.slug] }
        }
        return jobs.indices.map { j -> Int? in
            if j < section.lowerBound { return j }
            if j >= section.upperBound { return j - section.upperBound + oldSection.upperBound }
            switch jobs[j] {
            case .termIndex(let kind): return indexes[kind]
            case let .termList(kind, term, page):
                guard let first = byTerm[kind]?[term], page.number <= first.pages else { return nil }
                return first.job + page.number - 1
            default: return nil
            }
        }
    }

    /// The indexes of the term pages (indexes and lists of terms), which `PageJob.all` keeps together.
    static func termSection(_ jobs: [PageJob]) -> Range<Int> {
        func isTerm(_ job: PageJob) -> Bool {
            switch job {
            case .termIndex, .termList: return true
            default: return false
            }
        }
        let first = jobs.firstIndex(where: isTerm) ?? jobs.count
        let end = jobs.lastIndex(where: isTerm).map { $0 + 1 } ?? first
        return first..<end
    }
}
