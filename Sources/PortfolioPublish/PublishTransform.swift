import Foundation
import PortfolioCore
import PortfolioSite

/// What `publish` does to a site's outputs on their way to the folder: stylesheets and
/// scripts get content-hash names and every page refers to them by those names with
/// their integrity hash; every text file gets `.br` and `.gz` siblings where smaller; the
/// host rules are added; and the internal link check runs on the staging folder before
/// the swap.
public struct PublishTransform: SiteTransform {
    public var compression = Precompression()
    public let output: URL
    public var extraSteps: Int { 2 }

    public init(output: URL) { self.output = output }

    public func prepare(_ site: Site, others: [SiteOutput], staging: URL, log: BuildLog) throws(PortfolioErrors) -> any PreparedTransform {
        log.step("assets") { () -> (any PreparedTransform, String) in
            let fingerprints = AssetFingerprints(others, links: site.links)
            let rules = HostRules(site: site, fingerprints: fingerprints, outputFolder: output)
            let earlier = EarlierSiblings(staging: staging, compression: compression)
            let prepared = Prepared(fingerprints: fingerprints, rewriter: ReferenceRewriter(fingerprints: fingerprints),
                                    compression: compression, rules: rules, baseURL: site.links.baseURL, earlier: earlier)
            let reuse = earlier == nil ? "" : "; compressed files of unchanged files taken from the output before last"
            return (prepared, "\(fingerprints.entries.count) hashed assets; brotli \(compression.brotliQuality), gzip \(compression.gzipLevel)" + reuse)
        }
    }

    struct Prepared: PreparedTransform {
        let fingerprints: AssetFingerprints
        let rewriter: ReferenceRewriter
        let compression: Precompression
        let rules: HostRules
        let baseURL: String
        let earlier: EarlierSiblings?

        func files(for output: SiteOutput) -> [SiteOutput] {
            var file = fingerprints.renamed(output)
            if Self.isPage(file) { file.bytes = rewriter.rewrite(file.bytes) }
            guard Precompression.isCompressible(file) else { return [file] }
            return [file] + (earlier?.siblings(of: file) ?? compression.siblings(of: file))
        }

        static func isPage(_ output: SiteOutput) -> Bool {
            output.kind == .page || output.kind == .redirect || output.path.hasSuffix(".html")
        }

        func siteFiles() -> [SiteOutput] { rules.outputs() + [EarlierSiblings.marker(compression)] }

        func verify(staging: URL, log: BuildLog) throws(PortfolioErrors) {
            let report = log.step("check") { () -> (CheckReport, String) in
                let report = LinkChecker(folder: staging, baseURL: baseURL).run()
                return (report, "\(report.pages) pages, \(report.references) references, \(report.errors.count) errors, \(report.warnings.count) warnings")
            }
            for warning in report.warnings { log.say(warning.description) }
            if !report.errors.isEmpty { throw PortfolioErrors(report.errors.map(\.asError)) }
        }
    }
}
