import PortfolioCore

/// One named target under `deploy:` in `portfolio.yml`.
public struct DeployTarget: Sendable, Equatable {
    /// Where the target deploys to, with its own settings.
    public enum Kind: Sendable, Equatable {
        case git(GitTarget)
        case s3(S3Target)
    }

    /// The target's name: the key under `deploy:`, also the folder of its git clone.
    public var name: String
    /// Git or s3, with its settings.
    public var kind: Kind
    /// Where the target is written in `portfolio.yml`.
    public var location: SourceLocation

    /// A target with this name and settings, written at `location`.
    public init(name: String, kind: Kind, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.location = location
    }
}

/// A branch of a git remote (GitHub Pages or any git host), written through the system `git`.
public struct GitTarget: Sendable, Equatable {
    /// A URL or path that `git push` accepts.
    public var remote: String
    /// The branch the site is committed to.
    public var branch = "gh-pages"
    /// The first line of each deploy commit; the source commit is added below it.
    public var message = "portfolio deploy"

    /// A target for `branch` of `remote`.
    public init(remote: String, branch: String = "gh-pages", message: String = "portfolio deploy") {
        self.remote = remote
        self.branch = branch
        self.message = message
    }
}

/// A bucket of S3-compatible object storage (AWS S3, Cloudflare R2, Tencent COS, Aliyun
/// OSS). Credentials never come from here: only from `AWS_ACCESS_KEY_ID`,
/// `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`.
public struct S3Target: Sendable, Equatable {
    /// The service's https address, e.g. `https://cos.ap-taipei.myqcloud.com`.
    public var endpoint: String
    /// The signing region (`auto` for R2).
    public var region = "us-east-1"
    /// The bucket's name.
    public var bucket: String
    /// The folder in the bucket the site lives in: empty, or a path that ends in `/`.
    public var prefix = ""
    /// `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key`.
    public var pathStyle = false
    /// How many uploads run at once.
    public var concurrency = 8
    /// The most deletions a deploy makes without `--force`; `--max-deletes` overrides it.
    public var maxDeletes = 256

    /// A target for `bucket` at `endpoint`; the rest keeps its defaults.
    public init(endpoint: String, bucket: String) {
        self.endpoint = endpoint
        self.bucket = bucket
    }
}
