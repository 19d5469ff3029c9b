import Foundation
@testable import PortfolioS3
import Testing

/// The signer against the worked examples in AWS's S3 documentation ("Signature
/// Calculations for the Authorization Header: Transferring Payload in a Single Chunk"),
/// all signed with AWS's example key on 24 May 2013 in us-east-1.
@Suite("SigV4 signer")
struct SigV4SignerTests {
    static let signer = SigV4Signer(credentials: S3Credentials(accessKey: "AKIAIOSFODNN7EXAMPLE",
                                                               secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), region: "us-east-1")
    static let date = Date(timeIntervalSince1970: 1_369_353_600)
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    static func signature(_ request: S3HTTPRequest) throws -> String {
        let authorization = try #require(signer.sign(request, at: date).header("authorization"))
        return String(try #require(authorization.split(separator: "=").last))
    }

    @Test func getObjectWithRange() throws {
        let request = S3HTTPRequest(method: "GET", scheme: "https", host: "examplebucket.s3.amazonaws.com", encodedPath: "/test.txt",
                                    headers: [("range", "bytes=0-9"), ("x-amz-content-sha256", Self.emptyHash)])
        let signed = Self.signer.sign(request, at: Self.date)
        #expect(signed.header("authorization") == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        #expect(signed.header("x-amz-date") == "20130524T000000Z")
    }

    @Test func putObjectWithAnEncodedKey() throws {
        let body = Array("Welcome to Amazon S3.".utf8)
        #expect(SigV4Signer.payloadHash(body) == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let request = S3HTTPRequest(method: "PUT", scheme: "https", host: "examplebucket.s3.amazonaws.com",
                                    encodedPath: "/" + URIEncoding.path("test$file.text"),
                                    headers: [("date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-storage-class", "REDUCED_REDUNDANCY")], body: body)
        #expect(request.encodedPath == "/test%24file.text")
        #expect(try Self.signature(request) == "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test func queryWithAnEmptyValue() throws {
        let request = S3HTTPRequest(method: "GET", scheme: "https", host: "examplebucket.s3.amazonaws.com", encodedPath: "/",
                                    query: [("lifecycle", "")])
        #expect(request.url == "https://examplebucket.s3.amazonaws.com/?lifecycle=")
        #expect(try Self.signature(request) == "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")
    }

    @Test func listingQueryIsSorted() throws {
        let request = S3HTTPRequest(method: "GET", scheme: "https", host: "examplebucket.s3.amazonaws.com", encodedPath: "/",
                                    query: [("prefix", "J"), ("max-keys", "2")])
        #expect(request.url == "https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J")
        #expect(try Self.signature(request) == "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")
    }

    /// Temporary credentials send their token, and the token is signed.
    @Test func sessionTokenIsSentAndSigned() throws {
        var signer = Self.signer
        signer.credentials.sessionToken = "token/with+chars"
        let signed = signer.sign(S3HTTPRequest(method: "GET", scheme: "https", host: "h", encodedPath: "/"), at: Self.date)
        #expect(signed.header("x-amz-security-token") == "token/with+chars")
        #expect(signed.header("authorization")?.contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,") == true)
    }

    /// Signing twice does not stack the headers it adds.
    @Test func resigningReplacesTheSignature() throws {
        let once = Self.signer.sign(S3HTTPRequest(method: "GET", scheme: "https", host: "h", encodedPath: "/"), at: Self.date)
        let twice = Self.signer.sign(once, at: Self.date.addingTimeInterval(60))
        #expect(twice.headers.filter { $0.name == "authorization" }.count == 1)
        #expect(twice.header("x-amz-date") == "20130524T000100Z")
    }

    @Test func encodingKeepsOnlyUnreservedCharacters() {
        #expect(URIEncoding.path("posts/社群 電商/a+b.html") == "posts/%E7%A4%BE%E7%BE%A4%20%E9%9B%BB%E5%95%86/a%2Bb.html")
        #expect(URIEncoding.component("a/b=c~d") == "a%2Fb%3Dc~d")
    }
}
