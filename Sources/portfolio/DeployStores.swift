import PortfolioCore
import PortfolioDeploy

/// The stores deploy's s3 targets go through. This is the one place that knows the S3
/// client; until it is built, an s3 target fails here with a clear error.
enum DeployStores {
    static func objectStore(for target: S3Target) throws(PortfolioErrors) -> any ObjectStore {
        throw PortfolioErrors([PortfolioError(.deploy, "s3 targets are not built yet in this version of portfolio (the S3 client "
            + "for \(target.endpoint) is still to come); deploy to a git target for now")])
    }
}
