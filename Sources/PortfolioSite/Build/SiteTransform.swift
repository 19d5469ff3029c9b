import Foundation
import PortfolioCore

/// A change to a site's outputs on their way to the output folder, such as publishing's
/// hashed asset names and precompressed files. The build stays the one pipeline: it asks
/// the transform what to write instead of each output, and lets it look at the staging
/// folder before the swap.
public protocol SiteTransform: Sendable {
    /// How many steps the transform adds to the build log (`prepare` and `verify` log them).
    var extraSteps: Int { get }
    /// Called before any page is rendered, with every output that is neither a page nor
    /// a search file, in order (a later one at a path takes the place of an earlier one).
    /// `staging` is the folder being written, which may hold an earlier output (see
    /// `OutputWriter`); a transform may read it, never write it. Returns the transform
    /// ready for the pages.
    func prepare(_ site: Site, others: [SiteOutput], staging: URL, log: BuildLog) throws(PortfolioErrors) -> any PreparedTransform
}

/// A transform that has seen the site's outputs other than pages.
public protocol PreparedTransform: Sendable {
    /// The files to write for one output (the output itself, changed or not, and any
    /// siblings); called from many threads at once.
    func files(for output: SiteOutput) -> [SiteOutput]
    /// Files made from the whole site, written after every other output.
    func siteFiles() -> [SiteOutput]
    /// Looks at the finished staging folder before it is swapped in; an error leaves the
    /// previous output as it was.
    func verify(staging: URL, log: BuildLog) throws(PortfolioErrors)
}
