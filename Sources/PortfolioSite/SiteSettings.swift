import Foundation
import PortfolioCore
import PortfolioTemplates

/// The inputs besides articles: `portfolio.yml`, the theme (`templates/`) and the static
/// files (`static/`), each loaded again only when its files changed. Failures are kept
/// beside the last good values, so the server can show them and keep serving.
struct SiteSettings {
    private(set) var config = SiteConfig()
    private(set) var theme: Theme?
    /// Static files (path below the output, bytes, hash of the bytes), sorted by path.
    private(set) var statics: [(path: String, bytes: [UInt8], hash: Int)] = []
    /// Errors of the config and the templates as last loaded.
    private(set) var errors: [PortfolioError] = []
    private var configText: String?? = .none
    private var configError: PortfolioError?
    private var templateStamps: [String: FileStamp]?
    private var templateErrors: [PortfolioError] = []
    private var staticStamps: [String: FileStamp]?

    /// What moved in one refresh.
    struct Changes {
        var config = false
        var theme = false
        var statics = false
        /// Only theme assets (`templates/assets/`) changed, not templates: pages stay as they are.
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
            do throws(PortfolioError) {
                var loaded = try SiteConfig.load(siteRoot: root)
                if let base = options.baseURL { loaded.baseURL = base.hasSuffix("/") ? base : base + "/" }
                config = loaded
                configError = nil
                changes.config = true
            } catch {
                configError = error.inStep("config")
            }
        }
        // Exactly the files a theme reads, so an editor's swap file does not re-render the site.
        let stamps = FileStamp.folder(root.appendingPathComponent("templates")) { $0.hasSuffix(".mustache") || $0.hasPrefix("assets/") }
        if stamps != templateStamps {
            let templates = { (all: [String: FileStamp]?) in all?.filter { $0.key.hasSuffix(".mustache") } }
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
            self.statics = Self.readStatics(root.appendingPathComponent("static"))
            changes.statics = true
        }
        errors = (configError.map { [$0] } ?? []) + templateErrors
        return changes
    }

    /// The files of `static/`, as a full build copies them.
    static func readStatics(_ folder: URL) -> [(path: String, bytes: [UInt8], hash: Int)] {
        guard let names = try? FileManager.default.subpathsOfDirectory(atPath: folder.path) else { return [] }
        var files: [(path: String, bytes: [UInt8], hash: Int)] = []
        for name in names.sorted() {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                  let data = FileManager.default.contents(atPath: url.path) else { continue }
            var h = Hasher()
            data.withUnsafeBytes { h.combine(bytes: $0) }
            files.append((name, Array(data), h.finalize()))
        }
        return files
    }
}
