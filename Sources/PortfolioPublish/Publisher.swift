import Foundation
import PortfolioCore
import PortfolioSite

/// `portfolio publish`: a full build through `PublishTransform`, written and swapped in
/// by the site's one writer, so a failed publish (a broken link included) leaves the
/// previous output as it was.
public enum Publisher {
    /// Steps a publish logs: the build's, plus hashing assets and the check.
    public static let stepCount = SiteBuilder.stepCount + PublishTransform(output: URL(fileURLWithPath: "/")).extraSteps

    @discardableResult
    public static func publish(_ options: BuildOptions, log: BuildLog, compression: Precompression = Precompression()) throws(PortfolioErrors) -> BuildReport {
        var transform = PublishTransform(output: options.output)
        transform.compression = compression
        return try SiteBuilder.build(options, log: log, transform: transform)
    }
}
