/// Why a request to the bucket failed, worded to say what to fix. S3's error codes are
/// read from the XML body; a response without one (a `HEAD`, a proxy's page) is
/// described by its status.
public struct S3Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, by what the user would do about it.
    public enum Kind: Sendable, Equatable {
        /// The key id is unknown or the secret does not match it.
        case credentials
        /// The key may not do this to the bucket.
        case accessDenied
        /// The bucket does not exist at this endpoint.
        case noSuchBucket
        /// This machine's clock is too far from the service's.
        case clockSkew
        /// The bucket is in another region, or needs another endpoint.
        case wrongRegion
        /// The service is overloaded or failing; worth retrying.
        case unavailable
        /// The service could not be reached at all.
        case unreachable
        /// Any other answer.
        case other
    }

    /// The kind, which decides the advice.
    public var kind: Kind
    /// What the request was for: `list`, `upload KEY`, `delete N objects`.
    public var operation: String
    /// The HTTP status, or 0 when no answer came.
    public var status: Int
    /// S3's error code (`NoSuchBucket`), or empty.
    public var code: String
    /// The service's own message, or the transport's.
    public var message: String
    /// The bucket, for the advice.
    public var bucket: String
    /// The endpoint, for the advice.
    public var endpoint: String

    /// An error with these parts.
    public init(kind: Kind, operation: String, status: Int, code: String, message: String, bucket: String, endpoint: String) {
        self.kind = kind
        self.operation = operation
        self.status = status
        self.code = code
        self.message = message
        self.bucket = bucket
        self.endpoint = endpoint
    }

    /// Whether trying the same request again may succeed.
    public var isRetryable: Bool {
        kind == .unavailable || kind == .unreachable
    }

    public var description: String {
        let answer = status == 0 ? message : "HTTP \(status)" + (code.isEmpty ? "" : " \(code)") + (message.isEmpty ? "" : ": \(message)")
        return "\(operation) failed (\(answer)); \(advice)"
    }

    /// What to do about it.
    var advice: String {
        switch kind {
        case .credentials:
            return "the service refused the key: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for a temporary key)"
        case .accessDenied:
            return "the key may not do this to bucket \(bucket): give it permission to list, put and delete objects there"
        case .noSuchBucket:
            return "bucket \(bucket) does not exist at \(endpoint): create it first (portfolio does not create buckets), or fix `bucket:`"
        case .clockSkew:
            return "this machine's clock is too far from the service's: set the system time (for example, enable NTP) and deploy again"
        case .wrongRegion:
            return "bucket \(bucket) needs another region or endpoint: check `region:` and `endpoint:` for this target"
        case .unavailable:
            return "the service is busy or failing; deploy again later, and the rest will be uploaded"
        case .unreachable:
            return "cannot reach \(endpoint): check `endpoint:` and the network"
        case .other:
            return "check the target's settings under deploy: in portfolio.yml"
        }
    }

    /// The kind for an answer with this status and S3 code.
    static func kind(status: Int, code: String) -> Kind {
        switch code {
        case "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken", "TokenRefreshRequired": return .credentials
        case "AccessDenied", "AllAccessDisabled", "AccountProblem": return .accessDenied
        case "NoSuchBucket": return .noSuchBucket
        case "RequestTimeTooSkewed": return .clockSkew
        case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException", "TemporaryRedirect": return .wrongRegion
        case "SlowDown", "InternalError", "ServiceUnavailable", "RequestTimeout", "OperationAborted": return .unavailable
        default: break
        }
        switch status {
        case 500...599, 429, 408: return .unavailable
        case 401: return .credentials
        case 403: return .accessDenied
        case 404: return .noSuchBucket
        case 301, 307: return .wrongRegion
        default: return .other
        }
    }
}
