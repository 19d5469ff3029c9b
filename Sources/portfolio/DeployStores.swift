import Foundation
import PortfolioCore
import PortfolioDeploy
import PortfolioS3

/// The stores deploy's s3 targets go through: the one place that joins the deploy engine
/// to the S3 client, with credentials from the environment.
enum DeployStores {
    static func objectStore(for target: S3Target) throws(PortfolioErrors) -> any ObjectStore {
        try S3Store(target: target, credentials: S3Credentials.from(environment: ProcessInfo.processInfo.environment))
    }
}
