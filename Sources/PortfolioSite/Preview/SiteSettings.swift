import Foundation
import PortfolioCore
import PortfolioTemplates

/// The inputs besides articles: `portfolio.yml`, the theme (`templates/`) and the static
/// files (`static/`), each loaded again only when its files changed. Failures are kept
/// beside the last good values, so the server can show them and keep serving.
struct SiteSettings {
    private(set) var config = SiteConfig()
    private(set) var theme: Theme?
    /// Static files, sorted by path, and a hash of each one's bytes (path → hash), made
    /// when they are read so that a rebuild tells a changed file without hashing them all.
    private(set) var statics: [StaticFile] = []
    private(set) var staticHashes: [String: Int] = [:]
    /// Errors of the config and the templates as last loaded.
    private(set) var errors: [PortfolioError] = []
    private var configText: String?? = .none
    private var configErrors: [PortfolioError] = []
    private var templateStamps: [String: FileStamp]?
    private var templateErrors: [PortfolioError] = []
    private var staticStamps: [String: FileStamp]?
    private var staticErrors: [PortfolioError] = []

    /// What moved in one refresh.
    struct Changes {
        var config = false
        var theme = false
        var statics = false
        /// Only theme assets or scripts changed, not templates: pages stay as they are.
        var assetsOnly = false
    }

    /// Looks at the config, template and static files and loads what changed.
    /// A changed config is applied only when it loads; the errors are kept otherwise.
    mutating func refresh(_ options: BuildOptions) -> Changes {
        var changes = Changes()
        let root = options.siteRoot
        let configURL = root.appendingPathComponent("portfolio.yml")
        let text: String?? = FileManager.default.fileExists(atPath: configURL.path)
            ? .some(try? String(contentsOf: configURL, encoding: .utf8)) : .some(nil)
        if configText == .none || text != configText {
            configText = text
            do throws(PortfolioErrors) {
                var loaded = try SiteConfig.load(siteRoot: root)
                if let base = options.baseURL { loaded.baseURL = base.hasSuffix("/") ? base : base + "/" }
                config = loaded
                configErrors = []
                changes.config = true
            } catch {
                configErrors = error.errors.map { $0.inStep("config") }
            }
        }
        // Exactly the files a theme reads, so an editor's swap file does not re-render the site.
        let stamps = FileStamp.folder(root.appendingPathComponent("templates"), include: Theme.isThemeFile)
        if stamps != templateStamps {
            let templates = { (all: [String: FileStamp]?) in all?.filter { Theme.shapesPages($0.key) } }
            let assetsOnly = templateStamps != nil && templateErrors.isEmpty && templates(stamps) == templates(templateStamps)
            templateStamps = stamps
            do throws(PortfolioErrors) {
                theme = try Theme(templatesFolder: root.appendingPathComponent("templates"))
                templateErrors = []
                changes.theme = true
                changes.assetsOnly = assetsOnly
            } catch {
                templateErrors = error.errors.map { $0.inStep("templates") }
            }
        }
        let statics = FileStamp.folder(root.appendingPathComponent("static"))
        if statics != staticStamps {
            staticStamps = statics
            let read = StaticFiles.read(root.appendingPathComponent("static"))
            self.statics = read.files
            staticHashes = [:]
            for file in read.files { staticHashes[file.path] = IncrementalBuilder.Extra(file.bytes).hash }
            staticErrors = read.errors.map { $0.inStep("static") }
            changes.statics = true
        }
        errors = configErrors + templateErrors + staticErrors
        return changes
    }
}
