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
            do throws(PortfolioError) { config = try SiteConfig.load(siteRoot: options.siteRoot) } catch { throw PortfolioErrors([error.inStep("config")]) }
            if let base = options.baseURL { config.baseURL = base.hasSuffix("/") ? base : base + "/" }
            return (config, config.title)
        }
        let (library, theme, leftOut) = try loadSources(options, config: config, log: log)
        let writer: OutputWriter
        do { writer = try OutputWriter(output: options.output, siteRoot: options.siteRoot) } catch {
            throw PortfolioErrors([error.inStep("output")])
        }
        // The search index needs only the library, so it is made while the pages are.
        let search = BesideStep("search") { () -> ((), String) in ((), SearchStep.write(library, to: writer)) }
        let renderer = PageRenderer(library: library, theme: theme)
        let jobs = PageJob.all(in: library)
        // So are the feeds and the sitemap, which need only the pages' paths.
        let feeds = BesideStep("feeds") { () -> ((), String) in
            writeExtras(library, links: renderer.context.links, pages: jobs.map { $0.outputPath(in: library) }, theme: theme,
                        siteRoot: options.siteRoot, writer: writer)
            return ((), "feed.xml, sitemap.xml, robots.txt, assets")
        }
        let pages = log.step("pages") { () -> ([String], String) in
            let paths = renderPages(renderer, jobs: jobs, writer: writer)
            return (paths, "\(paths.count) pages")
        }
        search.wait(log: log, alongside: "pages")
        feeds.wait(log: log, alongside: "pages")
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

    /// Content, library and theme. Errors of content and templates are reported together.
    static func loadSources(_ options: BuildOptions, config: SiteConfig, log: BuildLog) throws(PortfolioErrors) -> (Library, Theme, Int) {
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
        guard errors.isEmpty, let theme else { throw PortfolioErrors(errors) }
        let selection = Library.Selection(drafts: options.drafts, future: options.future, now: options.now)
        // The search step's Traditional → Simplified table is made meanwhile, on another thread.
        SearchIndexBuilder.prepare()
        let library = try log.step("library") { () throws(PortfolioErrors) -> (Library, String) in
            let library: Library
            do throws(PortfolioErrors) { library = try Library(articles: articles, config: config, selection: selection) } catch {
                throw PortfolioErrors(error.errors.map { $0.inStep("library") })
            }
            let left = articles.count - library.articles.count
            return (library, "\(library.articles.count) articles (\(left) drafts or future left out), \(library.tags.count) tags, \(library.categories.count) categories")
        }
        return (library, theme, articles.count - library.articles.count)
    }

    /// Renders every page on all cores and writes it; returns the pages' URL paths in order.
    static func renderPages(_ renderer: PageRenderer, jobs: [PageJob], writer: OutputWriter) -> [String] {
        Parallel.map(jobs) { job in
            let page = renderer.render(job)
            writer.write(page.path, page.html)
            return page.path
        }
    }

    static func writeExtras(_ library: Library, links: SiteLinks, pages: [String], theme: Theme, siteRoot: URL, writer: OutputWriter) {
        writer.write("feed.xml", Feeds.atom(library, links: links))
        let listed = pages.filter { $0 != "404.html" }.map { $0.hasSuffix("index.html") ? String($0.dropLast("index.html".count)) : $0 }
        writer.write("sitemap.xml", Feeds.sitemap(listed, library: library, links: links))
        writer.write("robots.txt", Feeds.robots(links: links))
        for article in library.articles {
            for alias in article.aliases {
                if let path = Feeds.aliasPath(alias) { writer.write(path, Feeds.redirect(to: links.path(article.url))) }
            }
        }
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) { writer.write(path, bytes) }
        copyStatic(siteRoot.appendingPathComponent("static"), writer: writer)
    }

    static func copyStatic(_ folder: URL, writer: OutputWriter) {
        guard let names = try? FileManager.default.subpathsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                  let data = FileManager.default.contents(atPath: url.path) else { continue }
            writer.write(name, Array(data))
        }
    }
}
