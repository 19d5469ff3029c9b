import Foundation
import PortfolioContent
import PortfolioCore
import Yams

/// Reads the targets under `deploy:`, collecting every error with its line.
struct DeployTargetReader {
    let doc: YAMLDocument
    var errors: [PortfolioError] = []

    static let commonKeys = ["type"]
    static let gitKeys = ["remote", "branch", "message"]
    static let s3Keys = ["endpoint", "region", "bucket", "prefix", "path_style", "concurrency", "max_deletes"]
    /// Words in a key that mean a credential, which never belongs in a file that is often committed.
    static let secretWords = ["secret", "token", "password", "passwd", "credential", "access_key", "accesskey", "key_id"]

    init(doc: YAMLDocument) {
        self.doc = doc
    }

    mutating func targets() -> [DeployTarget] {
        guard let section = doc["deploy"], !section.isNullValue else { return [] }
        guard let mapping = section.mapping else {
            fail("deploy", "expected named targets, e.g. `pages: { type: git, remote: … }`", section)
            return []
        }
        var found: [DeployTarget] = []
        for (key, value) in mapping {
            guard let name = key.string, Self.isTargetName(name) else {
                fail("deploy", "a target's name is letters, digits, `-` and `_` (it names the folder .portfolio/deploy/NAME)", key)
                continue
            }
            if let target = target(name, value, at: key) { found.append(target) }
        }
        return found
    }

    mutating func target(_ name: String, _ node: Node, at key: Node) -> DeployTarget? {
        let path = "deploy.\(name)"
        guard let fields = node.mapping else {
            fail(path, "expected `{ type: git, remote: … }` or `{ type: s3, endpoint: …, bucket: … }`", node)
            return nil
        }
        refuseSecrets(path, fields)
        let type = fields["type"]?.string
        let kind: DeployTarget.Kind?
        switch type {
        case "git": kind = git(path, fields, at: node)
        case "s3": kind = s3(path, fields, at: node)
        case nil:
            fail(path, "needs `type: git` or `type: s3`", node)
            return nil
        case let other?:
            fail("\(path).type", "unknown type `\(other)`; use `git` or `s3`", fields["type"])
            return nil
        }
        checkKeys(path, fields, known: Self.commonKeys + (type == "git" ? Self.gitKeys : Self.s3Keys))
        return kind.map { DeployTarget(name: name, kind: $0, location: doc.location(of: key)) }
    }

    mutating func git(_ path: String, _ fields: Node.Mapping, at node: Node) -> DeployTarget.Kind? {
        guard let remote = required(path, "remote", fields, at: node, example: "\"git@github.com:me/me.github.io.git\"") else { return nil }
        if let url = URL(string: remote), url.password != nil {
            fail("\(path).remote", "the address holds a password or token; remove it and let git find credentials (an SSH key or a credential helper)", fields["remote"])
        }
        var target = GitTarget(remote: remote)
        if let branch = text(path, "branch", fields) {
            if Self.isBranchName(branch) { target.branch = branch }
            else { fail("\(path).branch", "`\(branch)` is not a branch name git accepts", fields["branch"]) }
        }
        if let message = text(path, "message", fields) {
            if message.contains(where: \.isNewline) || message.isEmpty { fail("\(path).message", "must be one non-empty line", fields["message"]) }
            else { target.message = message }
        }
        return .git(target)
    }

    mutating func s3(_ path: String, _ fields: Node.Mapping, at node: Node) -> DeployTarget.Kind? {
        let endpoint = required(path, "endpoint", fields, at: node, example: "\"https://cos.ap-taipei.myqcloud.com\"")
        let bucket = required(path, "bucket", fields, at: node, example: "blog-1250000000")
        if let endpoint, !SiteConfig.isWebAddress(endpoint) {
            fail("\(path).endpoint", "must be an http:// or https:// address such as https://s3.us-east-1.amazonaws.com", fields["endpoint"])
        }
        guard let endpoint, let bucket else { return nil }
        var target = S3Target(endpoint: endpoint, bucket: bucket)
        if let region = text(path, "region", fields) {
            if region.isEmpty { fail("\(path).region", "must not be empty (R2 uses `auto`)", fields["region"]) } else { target.region = region }
        }
        if let prefix = text(path, "prefix", fields) { target.prefix = Self.normalizedPrefix(prefix) }
        if let style = fields["path_style"] {
            if let value = style.boolValue { target.pathStyle = value } else { fail("\(path).path_style", "expected true or false", style) }
        }
        target.concurrency = number(path, "concurrency", fields, in: 1...64) ?? target.concurrency
        target.maxDeletes = number(path, "max_deletes", fields, in: 0...Int.max) ?? target.maxDeletes
        return .s3(target)
    }

    /// `a/b` and `/a/b/` both become `a/b/`; an empty prefix stays empty.
    static func normalizedPrefix(_ prefix: String) -> String {
        let parts = prefix.split(separator: "/")
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    }

    static func isTargetName(_ name: String) -> Bool {
        !name.isEmpty && name.first != "-" && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// The rules of `git check-ref-format` that a mistyped branch could break.
    static func isBranchName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix("-") && !name.hasPrefix("/") && !name.hasSuffix("/") && !name.hasSuffix(".lock")
            && !name.contains("..") && !name.contains("@{") && !name.contains("//")
            && !name.contains { $0.isWhitespace || "~^:?*[\\".contains($0) || ($0.asciiValue.map { $0 < 0x20 || $0 == 0x7f } ?? false) }
    }
}
