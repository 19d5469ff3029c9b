import Crypto
import Foundation
import PortfolioDeploy

/// Signs requests with AWS Signature Version 4, as S3 and the services that copy its API
/// (R2, COS, OSS, moto) check them: a canonical form of the request, hashed, signed with a
/// key derived from the secret, the day, the region and the service.
public struct SigV4Signer: Sendable {
    /// The key that signs.
    public var credentials: S3Credentials
    /// The region in the credential scope (`auto` for R2).
    public var region: String
    /// The service in the credential scope.
    public var service = "s3"

    /// A signer for `region` with these credentials.
    public init(credentials: S3Credentials, region: String) {
        self.credentials = credentials
        self.region = region
    }

    /// The SHA-256 of `body` in lower-case hex: the `x-amz-content-sha256` value.
    public static func payloadHash(_ body: [UInt8]) -> String {
        Hex.string(SHA256.hash(data: body))
    }

    /// `request` with `host`, `x-amz-date`, `x-amz-content-sha256`, the session token if
    /// any, and `authorization` added, signed as of `date`.
    public func sign(_ request: S3HTTPRequest, at date: Date) -> S3HTTPRequest {
        var signed = request
        let stamp = AmzDate(date)
        signed.headers.removeAll { ["host", "x-amz-date", "authorization", "x-amz-security-token"].contains($0.name) }
        signed.headers.append(("host", request.host))
        signed.headers.append(("x-amz-date", stamp.dateTime))
        if signed.header("x-amz-content-sha256") == nil {
            signed.headers.append(("x-amz-content-sha256", Self.payloadHash(request.body)))
        }
        if let token = credentials.sessionToken { signed.headers.append(("x-amz-security-token", token)) }
        let (names, canonical) = canonicalRequest(signed)
        let scope = "\(stamp.day)/\(region)/\(service)/aws4_request"
        let toSign = "AWS4-HMAC-SHA256\n\(stamp.dateTime)\n\(scope)\n\(Hex.string(SHA256.hash(data: Array(canonical.utf8))))"
        let signature = Hex.string(HMAC<SHA256>.authenticationCode(for: Array(toSign.utf8), using: signingKey(day: stamp.day)))
        signed.headers.append(("authorization",
                               "AWS4-HMAC-SHA256 Credential=\(credentials.accessKey)/\(scope), SignedHeaders=\(names), Signature=\(signature)"))
        return signed
    }

    /// The canonical request, and the signed header names joined by `;`. Every header
    /// the request carries is signed.
    func canonicalRequest(_ request: S3HTTPRequest) -> (signedHeaders: String, text: String) {
        let headers = request.headers.map { ($0.name.lowercased(), Self.trimmed($0.value)) }.sorted { $0.0 < $1.0 }
        let names = headers.map(\.0).joined(separator: ";")
        let lines = headers.map { "\($0.0):\($0.1)\n" }.joined()
        let payload = request.header("x-amz-content-sha256") ?? Self.payloadHash(request.body)
        return (names, "\(request.method)\n\(request.encodedPath)\n\(request.canonicalQuery)\n\(lines)\n\(names)\n\(payload)")
    }

    /// HMAC chain from the secret to the day's signing key.
    func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(credentials.secretKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
        }
        return key
    }

    /// A header value with its ends trimmed and inner runs of spaces made one.
    static func trimmed(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
    }
}
