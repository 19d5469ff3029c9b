import Crypto
import Foundation
import PortfolioCore
import PortfolioDeploy
@testable import PortfolioS3
import Testing

/// The client's requests and its reading of answers, over canned answers.
@Suite("S3 client")
struct S3ClientTests {
    static func page(_ keys: [String], next: String?) -> S3HTTPResponse {
        let contents = keys.map { "<Contents><Key>\(Escape.xml($0))</Key><ETag>&quot;ABCDEF&quot;</ETag><Size>7</Size></Contents>" }.joined()
        let tail = next.map { "<IsTruncated>true</IsTruncated><NextContinuationToken>\($0)</NextContinuationToken>" } ?? "<IsTruncated>false</IsTruncated>"
        return CannedTransport.xml(200, "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>site</Name>\(tail)\(contents)</ListBucketResult>")
    }

    /// A listing follows continuation tokens to the end, and decodes keys and ETags.
    @Test func listingFollowsEveryPage() async throws {
        let transport = CannedTransport([Self.page(["a/1.html", "社群 & 電商.html"], next: "t+1/="), Self.page(["z.css"], next: nil)])
        let objects = try await S3Client.canned(transport).list(prefix: "blog/")
        #expect(objects == [RemoteObject(key: "a/1.html", etag: "abcdef", size: 7), RemoteObject(key: "社群 & 電商.html", etag: "abcdef", size: 7),
                            RemoteObject(key: "z.css", etag: "abcdef", size: 7)])
        let sent = await transport.sent
        #expect(sent.map(\.url) == ["http://127.0.0.1:9000/site?list-type=2&prefix=blog%2F",
                                    "http://127.0.0.1:9000/site?continuation-token=t%2B1%2F%3D&list-type=2&prefix=blog%2F"])
        #expect(sent.allSatisfy { $0.header("host") == "127.0.0.1:9000" && $0.header("authorization") != nil })
    }

    /// An upload carries its headers, its MD5 and the hash of its body, all signed.
    @Test func uploadSendsItsHeaders() async throws {
        let transport = CannedTransport([S3HTTPResponse(status: 200)])
        let body = Array("<p>社群</p>".utf8)
        try await S3Client.canned(transport).put(key: "posts/社群/index.html", body: body, md5: Array(Insecure.MD5.hash(data: body)),
                                                 headers: [("content-type", "text/html; charset=utf-8"), ("content-encoding", "gzip")])
        let put = try #require(await transport.sent.first)
        #expect(put.method == "PUT" && put.encodedPath == "/site/posts/%E7%A4%BE%E7%BE%A4/index.html" && put.body == body)
        #expect(put.header("content-md5") == Data(Insecure.MD5.hash(data: body)).base64EncodedString())
        #expect(put.header("x-amz-content-sha256") == SigV4Signer.payloadHash(body))
        #expect(put.header("authorization")?.contains("SignedHeaders=content-encoding;content-md5;content-type;host;") == true)
    }

    /// A busy service and a lost connection are retried; the third try succeeds.
    @Test func retriesBusyAndLostRequests() async throws {
        let transport = CannedTransport([CannedTransport.error(503, "SlowDown"), nil, S3HTTPResponse(status: 200)])
        try await S3Client.canned(transport).put(key: "a", body: [1], md5: Array(Insecure.MD5.hash(data: [1])), headers: [])
        #expect(await transport.sent.count == 3)
    }

    /// Retries stop at the policy's limit, and the error says the service is busy.
    @Test func givesUpAfterTheLastTry() async throws {
        let transport = CannedTransport([CannedTransport.error(500, "InternalError", "We encountered an internal error.")])
        await #expect { try await S3Client.canned(transport, attempts: 2).list(prefix: "") } throws: { error in
            (error as? S3Error)?.kind == .unavailable && "\(error)".contains("HTTP 500 InternalError")
        }
        #expect(await transport.sent.count == 2)
    }

    /// Each refusal is reported once, not retried, with advice that names what to fix.
    @Test(arguments: [
        ("NoSuchBucket", 404, S3Error.Kind.noSuchBucket, "bucket site does not exist at http://127.0.0.1:9000: create it first"),
        ("InvalidAccessKeyId", 403, .credentials, "check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"),
        ("SignatureDoesNotMatch", 403, .credentials, "check AWS_ACCESS_KEY_ID"),
        ("RequestTimeTooSkewed", 403, .clockSkew, "set the system time"),
        ("AccessDenied", 403, .accessDenied, "give it permission to list, put and delete"),
        ("PermanentRedirect", 301, .wrongRegion, "check `region:` and `endpoint:`"),
    ])
    func refusalsSayWhatToFix(code: String, status: Int, kind: S3Error.Kind, advice: String) async throws {
        let transport = CannedTransport([CannedTransport.error(status, code, "the service's words")])
        await #expect { try await S3Client.canned(transport).list(prefix: "") } throws: { error in
            guard let error = error as? S3Error else { return false }
            return error.kind == kind && error.description.contains(advice) && error.description.contains("the service's words")
                && error.description.hasPrefix("listing bucket site failed (HTTP \(status) \(code)")
        }
        #expect(await transport.sent.count == 1)
    }

    /// Deletions go a thousand keys to a request, with escaped keys and their MD5; a key
    /// the service could not delete is an error.
    @Test func deletesInBatches() async throws {
        let transport = CannedTransport([CannedTransport.xml(200, "<DeleteResult></DeleteResult>")])
        let keys = (0..<1001).map { "p/\($0)&<.html" }
        try await S3Client.canned(transport).delete(keys: keys)
        let sent = await transport.sent
        #expect(sent.count == 2 && sent.allSatisfy { $0.method == "POST" && $0.url == "http://127.0.0.1:9000/site?delete=" })
        let first = String(decoding: sent[0].body, as: UTF8.self)
        #expect(first.contains("<Quiet>true</Quiet><Object><Key>p/0&amp;&lt;.html</Key></Object>"))
        #expect(S3XML.elements("Object", in: Substring(first)).count == 1000)
        #expect(sent[0].header("content-md5") == Data(Insecure.MD5.hash(data: sent[0].body)).base64EncodedString())

        let refusing = CannedTransport([CannedTransport.xml(200, "<DeleteResult><Error><Key>p/1</Key><Code>AccessDenied</Code><Message>no</Message></Error></DeleteResult>")])
        await #expect { try await S3Client.canned(refusing).delete(keys: ["p/1"]) } throws: { error in
            (error as? S3Error)?.kind == .accessDenied && "\(error)".hasPrefix("deleting p/1 failed")
        }
    }

    /// Path-style and virtual-host addresses; an IP endpoint needs path style.
    @Test func addressing() throws {
        let virtual = try S3Bucket(name: "blog-1250000000", endpoint: "https://cos.ap-taipei.myqcloud.com:443/", pathStyle: false)
        #expect(virtual.host == "blog-1250000000.cos.ap-taipei.myqcloud.com" && virtual.path(for: "a b.html") == "/a%20b.html")
        #expect(virtual.path(for: nil) == "/")
        let path = try S3Bucket(name: "site", endpoint: "http://127.0.0.1:9000", pathStyle: true)
        #expect(path.host == "127.0.0.1:9000" && path.path(for: "x/y") == "/site/x/y" && path.path(for: nil) == "/site")
        #expect(throws: (any Error).self) { try S3Bucket(name: "site", endpoint: "http://127.0.0.1:9000", pathStyle: false) }
        #expect(throws: (any Error).self) { try S3Bucket(name: "site", endpoint: "ftp://example.com", pathStyle: true) }
    }

    /// Credentials come only from the environment, and a missing one is named.
    @Test func credentialsFromTheEnvironment() throws {
        let found = try S3Credentials.from(environment: ["AWS_ACCESS_KEY_ID": "id", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": ""])
        #expect(found == S3Credentials(accessKey: "id", secretKey: "s", sessionToken: nil))
        #expect { try S3Credentials.from(environment: ["AWS_ACCESS_KEY_ID": "id"]) } throws: { error in
            "\(error)".contains("AWS_SECRET_ACCESS_KEY") && !"\(error)".contains("AWS_ACCESS_KEY_ID and")
        }
    }
}

/// The XML reader finds elements by name, empty ones included, and decodes entities.
@Suite("S3 XML")
struct S3XMLTests {
    @Test func elementsAndEntities() {
        let text: Substring = "<R><Prefix/><Contents><Key>a&amp;b&#x793E;&#31038;</Key></Contents><ContentsX>no</ContentsX><Contents><Key>c</Key></Contents></R>"
        #expect(S3XML.elements("Contents", in: text).map { S3XML.value("Key", in: $0) } == ["a&b社社", "c"])
        #expect(S3XML.elements("Prefix", in: text) == [""])
    }
}
