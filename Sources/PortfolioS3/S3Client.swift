import Crypto
import Foundation
import PortfolioDeploy

/// The few S3 calls a deploy needs: list a prefix, put an object, delete objects. Every
/// request is signed afresh for each try, and retried by `retry` when the service is busy
/// or could not be reached.
public struct S3Client: Sendable {
    /// The bucket the calls go to.
    public let bucket: S3Bucket
    /// Signs every request.
    public let signer: SigV4Signer
    /// Sends them.
    public let transport: any S3Transport
    /// How failures are retried.
    public var retry = S3RetryPolicy()
    /// The clock requests are signed with.
    public var now: @Sendable () -> Date = { Date() }

    /// A client for `bucket`, signing with `signer`, sending through `transport`.
    public init(bucket: S3Bucket, signer: SigV4Signer, transport: any S3Transport = HTTPClientTransport()) {
        self.bucket = bucket
        self.signer = signer
        self.transport = transport
    }

    /// Every object whose key starts with `prefix` (full keys), through as many ListObjectsV2 pages as it takes.
    public func list(prefix: String) async throws(S3Error) -> [RemoteObject] {
        var objects: [RemoteObject] = []
        var token: String?
        repeat {
            var query = [(name: "list-type", value: "2")]
            if !prefix.isEmpty { query.append(("prefix", prefix)) }
            if let token { query.append(("continuation-token", token)) }
            let request = S3HTTPRequest(method: "GET", scheme: bucket.scheme, host: bucket.host, encodedPath: bucket.path(for: nil), query: query)
            let page = S3ListPage(Substring(decoding: try await perform(request, operation: "listing bucket \(bucket.name)").body, as: UTF8.self))
            objects += page.objects
            token = page.nextToken
        } while token != nil
        return objects
    }

    /// Stores `body` under `key` with these headers (`content-type`, `cache-control`, …),
    /// sending its MD5 so that the service refuses a body damaged on the way.
    public func put(key: String, body: [UInt8], md5: [UInt8], headers: [(name: String, value: String)]) async throws(S3Error) {
        var request = S3HTTPRequest(method: "PUT", scheme: bucket.scheme, host: bucket.host, encodedPath: bucket.path(for: key),
                                    headers: headers, body: body)
        request.headers.append(("content-md5", Data(md5).base64EncodedString()))
        request.headers.append(("x-amz-content-sha256", SigV4Signer.payloadHash(body)))
        _ = try await perform(request, operation: "uploading \(key)")
    }

    /// Deletes `keys`, a thousand to a request (DeleteObjects' limit).
    public func delete(keys: [String]) async throws(S3Error) {
        for start in stride(from: 0, to: keys.count, by: 1000) {
            let batch = keys[start..<min(keys.count, start + 1000)]
            let body = Array(S3ListPage.deleteDocument(for: batch).utf8)
            let request = S3HTTPRequest(method: "POST", scheme: bucket.scheme, host: bucket.host, encodedPath: bucket.path(for: nil),
                                        query: [("delete", "")],
                                        headers: [("content-type", "application/xml"),
                                                  ("content-md5", Data(Insecure.MD5.hash(data: body)).base64EncodedString())],
                                        body: body)
            let operation = "deleting \(batch.count) objects"
            let answer = String(decoding: try await perform(request, operation: operation).body, as: UTF8.self)
            if let failed = S3XML.elements("Error", in: Substring(answer)).first {
                let code = S3XML.value("Code", in: failed) ?? ""
                throw S3Error(kind: S3Error.kind(status: 200, code: code), operation: "deleting \(S3XML.value("Key", in: failed) ?? "an object")",
                              status: 200, code: code, message: S3XML.value("Message", in: failed) ?? "", bucket: bucket.name,
                              endpoint: bucket.endpoint)
            }
        }
    }

    /// Signs and sends `request`, trying again while the failure is worth retrying.
    func perform(_ request: S3HTTPRequest, operation: String) async throws(S3Error) -> S3HTTPResponse {
        var attempt = 1
        while true {
            let failure: S3Error
            do {
                let response = try await transport.send(signer.sign(request, at: now()))
                if (200..<300).contains(response.status) { return response }
                failure = error(for: response, operation: operation)
            } catch {
                failure = S3Error(kind: .unreachable, operation: operation, status: 0, code: "", message: "\(error)",
                                  bucket: bucket.name, endpoint: bucket.endpoint)
            }
            guard failure.isRetryable, attempt < retry.attempts else { throw failure }
            try? await Task.sleep(for: retry.delay(after: attempt))
            attempt += 1
        }
    }

    /// The error an answer that is not a success stands for, from its XML body if any.
    func error(for response: S3HTTPResponse, operation: String) -> S3Error {
        let text = Substring(decoding: response.body, as: UTF8.self)
        let code = S3XML.value("Code", in: text) ?? ""
        var message = S3XML.value("Message", in: text) ?? ""
        if let region = S3XML.value("Region", in: text) ?? response.header("x-amz-bucket-region") { message += " (the bucket's region is \(region))" }
        return S3Error(kind: S3Error.kind(status: response.status, code: code), operation: operation, status: response.status,
                       code: code, message: message, bucket: bucket.name, endpoint: bucket.endpoint)
    }
}
