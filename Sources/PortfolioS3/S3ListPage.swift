import PortfolioCore
import PortfolioDeploy

/// One page of a ListObjectsV2 answer, and the body of a DeleteObjects request.
struct S3ListPage: Sendable, Equatable {
    /// The objects on this page, with their full keys.
    var objects: [RemoteObject] = []
    /// The token for the next page, when the listing is truncated.
    var nextToken: String?

    /// The page in the XML `document`.
    init(_ document: Substring) {
        for entry in S3XML.elements("Contents", in: document) {
            guard let key = S3XML.value("Key", in: entry) else { continue }
            let etag = (S3XML.value("ETag", in: entry) ?? "").filter { $0 != "\"" }.lowercased()
            objects.append(RemoteObject(key: key, etag: etag, size: Int(S3XML.value("Size", in: entry) ?? "") ?? 0))
        }
        if S3XML.value("IsTruncated", in: document) == "true" {
            nextToken = S3XML.value("NextContinuationToken", in: document)
        }
    }

    /// The XML that asks DeleteObjects to delete `keys`, answering only with failures.
    static func deleteDocument(for keys: some Sequence<String>) -> String {
        var document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Quiet>true</Quiet>"
        for key in keys { document += "<Object><Key>\(Escape.xml(key))</Key></Object>" }
        return document + "</Delete>"
    }
}
