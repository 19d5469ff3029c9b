@testable import PortfolioS3

/// An `S3Transport` that answers from a script and records what it was sent.
actor CannedTransport: S3Transport {
    /// Answers in order; the last one repeats. A nil answer fails as a lost connection would.
    private var answers: [S3HTTPResponse?]
    /// Every request sent, signed.
    private(set) var sent: [S3HTTPRequest] = []

    struct ConnectionLost: Error {}

    init(_ answers: [S3HTTPResponse?]) {
        self.answers = answers
    }

    func send(_ request: S3HTTPRequest) async throws -> S3HTTPResponse {
        sent.append(request)
        let answer = answers.count > 1 ? answers.removeFirst() : answers.first!
        guard let answer else { throw ConnectionLost() }
        return answer
    }

    static func xml(_ status: Int, _ text: String) -> S3HTTPResponse {
        S3HTTPResponse(status: status, headers: [("content-type", "application/xml")], body: Array(text.utf8))
    }

    static func error(_ status: Int, _ code: String, _ message: String = "") -> S3HTTPResponse {
        xml(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>\(code)</Code><Message>\(message)</Message></Error>")
    }
}

extension S3Client {
    /// A client of bucket `site` at a path-style loopback endpoint, over `transport`,
    /// retrying without waiting.
    static func canned(_ transport: CannedTransport, attempts: Int = 3) throws -> S3Client {
        var client = S3Client(bucket: try S3Bucket(name: "site", endpoint: "http://127.0.0.1:9000", pathStyle: true),
                              signer: SigV4Signer(credentials: S3Credentials(accessKey: "id", secretKey: "secret"), region: "us-east-1"),
                              transport: transport)
        client.retry = S3RetryPolicy(attempts: attempts, firstDelay: .zero, maximumDelay: .zero)
        return client
    }
}
