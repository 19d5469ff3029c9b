import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Sends a signed request and returns the answer: async-http-client in use, canned
/// answers in tests.
public protocol S3Transport: Sendable {
    /// The answer to `request`; throws only when no answer came (no connection, a timeout).
    func send(_ request: S3HTTPRequest) async throws -> S3HTTPResponse
}

/// `S3Transport` over async-http-client's shared client.
public struct HTTPClientTransport: S3Transport {
    /// The longest a request may take, answer included.
    public var timeout: TimeAmount
    /// The largest answer read (listings come a thousand keys a page).
    public var maximumResponseBytes = 16 << 20

    /// A transport with this timeout per request.
    public init(timeout: TimeAmount = .seconds(60)) {
        self.timeout = timeout
    }

    public func send(_ request: S3HTTPRequest) async throws -> S3HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if !request.body.isEmpty || ["PUT", "POST"].contains(request.method) {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let response = try await HTTPClient.shared.execute(outgoing, timeout: timeout)
        var body = try await response.body.collect(upTo: maximumResponseBytes)
        let bytes = body.readBytes(length: body.readableBytes) ?? []
        return S3HTTPResponse(status: Int(response.status.code),
                              headers: response.headers.map { ($0.name.lowercased(), $0.value) }, body: bytes)
    }
}
