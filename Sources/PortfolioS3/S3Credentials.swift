import PortfolioCore

/// The key a deploy signs its requests with. It comes from the environment only
/// (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), never from
/// `portfolio.yml`, so that a site's repository never holds a secret.
public struct S3Credentials: Sendable, Equatable {
    /// The access key id, sent in every request's `Authorization`.
    public var accessKey: String
    /// The secret key, used only to derive signing keys.
    public var secretKey: String
    /// The token of temporary credentials, sent as `x-amz-security-token`.
    public var sessionToken: String?

    /// Credentials with these values.
    public init(accessKey: String, secretKey: String, sessionToken: String? = nil) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.sessionToken = sessionToken
    }

    /// The credentials in `environment`, or an error that says which variables to set.
    public static func from(environment: [String: String]) throws(PortfolioErrors) -> S3Credentials {
        let access = environment["AWS_ACCESS_KEY_ID"] ?? ""
        let secret = environment["AWS_SECRET_ACCESS_KEY"] ?? ""
        let missing = [("AWS_ACCESS_KEY_ID", access), ("AWS_SECRET_ACCESS_KEY", secret)].filter { $0.1.isEmpty }.map(\.0)
        guard missing.isEmpty else {
            throw PortfolioErrors([PortfolioError(.deploy, "an s3 target needs \(missing.joined(separator: " and ")) in the environment "
                + "(the key's id and secret; portfolio never reads credentials from portfolio.yml)")])
        }
        let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return S3Credentials(accessKey: access, secretKey: secret, sessionToken: token)
    }
}
