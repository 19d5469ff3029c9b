/// What a deploy to object storage changes, computed from the local inventory and one
/// listing of the store: upload what is missing or differs, delete what is gone locally.
/// It is recomputed on every run, so a deploy that failed midway finishes the rest when
/// run again.
public struct DeployPlan: Sendable, Equatable {
    /// Files whose key is missing remotely, or whose MD5 differs from the ETag, by key.
    public var uploads: [LocalFile]
    /// Remote keys no local file has, sorted.
    public var deletes: [String]
    /// How many files the store already has with the same bytes.
    public var unchanged: Int

    /// The plan for these local files against this listing.
    public init(local: [LocalFile], remote: [RemoteObject]) {
        var etags: [String: String] = [:]
        for object in remote { etags[object.key] = object.etag.lowercased() }
        var uploads: [LocalFile] = [], unchanged = 0
        var keys: Set<String> = []
        for file in local {
            keys.insert(file.key)
            if etags[file.key] == file.etag { unchanged += 1 } else { uploads.append(file) }
        }
        self.uploads = uploads.sorted { $0.key < $1.key }
        deletes = remote.map(\.key).filter { !keys.contains($0) }.sorted()
        self.unchanged = unchanged
    }

    /// The bytes the uploads send.
    public var uploadBytes: Int { uploads.reduce(0) { $0 + $1.size } }

    /// One line per change, for `--dry-run`: `upload KEY (SIZE, gzip)`, `delete KEY`.
    public var lines: [String] {
        uploads.map { "upload \($0.key) (\(ByteCount.format($0.size))\($0.contentEncoding.map { ", " + $0 } ?? ""))" }
            + deletes.map { "delete \($0)" }
    }
}
