import Foundation
import PortfolioContent
import PortfolioCore
import PortfolioSearch
import PortfolioTemplates

/// The build pipeline: config → content → theme → library → pages, with the search index
/// and the feeds made beside the pages → swap. Each step is named and timed; errors carry
/// the step that found them.
public enum SiteBuilder {
    /// How many steps a build logs.
    public static let stepCount = 8

    /// Builds the site. On any error nothing in the output folder changes.
    @discardableResult
    public static func build(_ options: BuildOptions, log: BuildLog) throws(PortfolioErrors) -> BuildReport {
        let start = DispatchTime.now().uptimeNanoseconds
        let config = try log.step("config") { () throws(PortfolioErrors) -> (SiteConfig, String) in
            var config: SiteConfig
            do throws(PortfolioErrors) { config = try SiteConfig.load(siteRoot: options.siteRoot) } catch { throw PortfolioErrors(error.errors.map { $0.inStep("config") }) }
            if let base = options.baseURL { config.baseURL = base.hasSuffix("/") ? base : base + "/" }
            return (config, config.title)
        }
        let (library, theme, statics, leftOut) = try loadSources(options, config: config, log: log)
        let site = Site(library: library, theme: theme, statics: statics)
        let aliasErrors = site.aliasErrors()
        if !aliasErrors.isEmpty { throw PortfolioErrors(aliasErrors.map { $0.inStep("library") }) }
        let writer: OutputWriter
        do { writer = try OutputWriter(output: options.output, siteRoot: options.siteRoot) } catch {
            throw PortfolioErrors([error.inStep("output")])
        }
        // The search index needs only the library, so it is made while the pages are.
        let search = BesideStep("search") { () -> ((), String) in ((), writeSearch(site, to: writer)) }
        // So are the other outputs, which need only the pages' paths. They are written
        // after the pages, so that one at the path of a page takes its place.
        let others = BesideStep("feeds") { () -> ([SiteOutput], String) in
            (site.others(), "feed.xml, sitemap.xml, robots.txt, assets")
        }
        let renderer = site.renderer()
        let pages = log.step("pages") { () -> ([String], String) in
            let paths = renderPages(renderer, jobs: site.pages, writer: writer)
            return (paths, "\(paths.count) pages")
        }
        search.wait(log: log, alongside: "pages")
        for output in others.wait(log: log, alongside: "pages") { writer.write(output.path, output.bytes) }
        try log.step("write") { () throws(PortfolioErrors) -> ((), String) in
            do throws(PortfolioErrors) { try writer.commit() } catch { throw PortfolioErrors(error.errors.map { $0.inStep("write") }) }
            return ((), "\(writer.fileCount) files, \(writer.byteCount / 1024) KB → \(options.output.path)")
        }
        if options.keepsDataUntilExit { ProcessLifetime.keep([library, renderer, pages]) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return BuildReport(articles: library.articles.count, leftOut: leftOut, pages: pages.count, files: writer.fileCount,
                           bytes: writer.byteCount, tags: library.tags.count, categories: library.categories.count,
                           seconds: seconds, output: options.output)
    }

    /// Content, library, theme and static files. Errors of content, templates and static
    /// files are reported together.
    static func loadSources(_ options: BuildOptions, config: SiteConfig, log: BuildLog) throws(PortfolioErrors) -> (Library, Theme, [StaticFile], Int) {
        let root = options.siteRoot
        let (articles, contentErrors) = log.step("content") { () -> (([Article], [PortfolioError]), String) in
            let paths = ContentSource.markdownFiles(in: root.appendingPathComponent("content"), siteRoot: root)
            let loaded = ContentSource.load(paths, siteRoot: root, loader: ArticleLoader(config: config))
            let detail = "\(paths.count) files" + (loaded.errors.isEmpty ? "" : ", \(loaded.errors.count) errors")
            return (loaded, detail)
        }
        var theme: Theme?
        var errors = contentErrors.map { $0.inStep("content") }
        log.step("theme") { () -> ((), String) in
            do throws(PortfolioErrors) { theme = try Theme(templatesFolder: root.appendingPathComponent("templates")) } catch {
                errors += error.errors.map { $0.inStep("templates") }
            }
            let overridden = theme?.overridden.count ?? 0
            return ((), overridden == 0 ? "default theme" : "default theme, \(overridden) templates from templates/")
        }
        let statics = StaticFiles.read(root.appendingPathComponent("static"))
        errors += statics.errors.map { $0.inStep("static") }
        let selection = Library.Selection(drafts: options.drafts, future: options.future, now: options.now)
        // The library is not made when other files failed; the slugs it would refuse are
        // reported with their errors all the same.
        if !errors.isEmpty { errors += Library.slugConflicts(Library.select(articles, selection).filter { !$0.isPage }).map { $0.inStep("library") } }
        guard errors.isEmpty, let theme else { throw PortfolioErrors(errors) }
        // The search step's Traditional → Simplified table is made meanwhile, on another thread.
        SearchIndexBuilder.prepare()
        let library = try log.step("library") { () throws(PortfolioErrors) -> (Library, String) in
            let library: Library
            do throws(PortfolioErrors) { library = try Library(articles: articles, config: config, selection: selection) } catch {
                throw PortfolioErrors(error.errors.map { $0.inStep("library") })
            }
            let left = articles.count - library.articles.count - library.pages.count
            let pages = library.pages.isEmpty ? "" : ", \(library.pages.count) standalone page\(library.pages.count == 1 ? "" : "s")"
            return (library, "\(library.articles.count) articles\(pages) (\(left) drafts or future left out), \(library.tags.count) tags, \(library.categories.count) categories")
        }
        return (library, theme, statics.files, articles.count - library.articles.count - library.pages.count)
    }

    /// Renders every page on all cores and writes it; returns the pages' URL paths in order.
    static func renderPages(_ renderer: PageRenderer, jobs: [PageJob], writer: OutputWriter) -> [String] {
        Parallel.map(jobs) { job in
            let page = renderer.render(job)
            writer.write(page.path, page.html)
            return page.path
        }
    }

    /// Writes the search index on all cores (thousands of small shard files, like pages);
    /// returns a line for the build log.
    static func writeSearch(_ site: Site, to writer: OutputWriter) -> String {
        let files = site.searchFiles()
        _ = Parallel.map(files) { file in writer.write(file.path, file.bytes) }
        let bytes = files.reduce(0) { $0 + $1.bytes.count }
        return "\(files.count) files, \(bytes / 1024) KB"
    }
}
