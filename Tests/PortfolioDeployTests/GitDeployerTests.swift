import Foundation
import PortfolioCore
import PortfolioDeploy
import PortfolioPublish
import PortfolioSite
import PortfolioTestSupport
import Testing

/// The git target against a real bare repository in a temporary folder.
@Suite("git deploy")
struct GitDeployerTests {
    /// A published site and an empty bare repository to deploy it to.
    struct Setup {
        let site: TestSite
        let bare: URL

        init() throws {
            site = try TestSite(config: "title: 部署站\nbase_url: https://example.org/\ncname: blog.example.org\npaginate: 2\n")
            for (i, name) in ["stp", "c2m", "niche"].enumerated() {
                try site.article(name, title: "文章 \(name)", date: "2020-01-0\(i + 1) 10:00:00", extra: "tags: [行銷]")
            }
            bare = site.root.appendingPathComponent("remote.git")
            try FileManager.default.createDirectory(at: bare, withIntermediateDirectories: true)
            _ = try Git.run(["init", "-q", "--bare"], in: bare)
            try publish()
        }

        func publish() throws {
            let options = BuildOptions(siteRoot: site.root, output: site.output, now: Date(timeIntervalSince1970: 1_700_000_000))
            try Publisher.publish(options, log: BuildLog(steps: Publisher.stepCount) { _ in })
        }

        func deploy(force: Bool = false) async throws(PortfolioErrors) -> GitDeploySummary {
            var deployer = GitDeployer(name: "pages", target: GitTarget(remote: bare.path), siteRoot: site.root, folder: site.output)
            deployer.force = force
            return try await deployer.run(progress: DeployProgress(style: .lines) { _ in })
        }

        /// The files of the output that a git target commits.
        func committable() -> Set<String> {
            let all = Set(TestSite.snapshot(site.output).keys)
            return all.filter { path in
                !["nginx.conf", "Caddyfile", ".portfolio-publish"].contains(path)
                    && !((path.hasSuffix(".gz") || path.hasSuffix(".br")) && all.contains(String(path.dropLast(3))))
            }
        }

        func git(_ arguments: [String]) throws -> String { try Git.run(arguments, in: bare) }
        func commits() throws -> Int { Int(try git(["rev-list", "--count", "gh-pages"]).trimmed) ?? -1 }
    }

    /// The first deploy makes the branch as an orphan with one commit of every file but
    /// the compressed siblings and the servers' configs; a second with no change makes none.
    @Test func firstDeployCommitsEverythingAndASecondNothing() async throws {
        let s = try Setup()
        let first = try await s.deploy()
        let tree = Set(try s.git(["-c", "core.quotepath=off", "ls-tree", "-r", "--name-only", "gh-pages"]).split(separator: "\n").map(String.init))
        #expect(tree == s.committable())
        #expect(tree.contains(".nojekyll") && tree.contains("CNAME") && tree.contains("_headers") && !tree.contains("nginx.conf"))
        #expect(!tree.contains { $0.hasSuffix(".gz") } && tree.contains("index.html"))
        #expect(try s.commits() == 1 && first.filesChanged == tree.count && first.commit != nil)
        #expect(try s.git(["log", "-1", "--format=%s%n%b", "gh-pages"]).contains("portfolio deploy (source no git)"))
        #expect(try s.git(["for-each-ref", "--format=%(refname)"]).trimmed == "refs/heads/gh-pages")

        let second = try await s.deploy()
        #expect(second.commit == nil && second.filesChanged == 0 && !second.pushed && second.description.hasPrefix("nothing to commit"))
        #expect(try s.commits() == 1)
    }

    /// One edited article commits exactly the files whose bytes changed.
    @Test func anEditCommitsOnlyTheFilesThatChanged() async throws {
        let s = try Setup()
        _ = try await s.deploy()
        let before = TestSite.snapshot(s.site.output)
        try s.site.article("c2m", title: "文章 c2m 改版", date: "2020-01-02 10:00:00", extra: "tags: [行銷]", body: "新的正文。")
        try s.publish()
        let after = TestSite.snapshot(s.site.output)
        let changed = s.committable().filter { before[$0] != after[$0] }
            .union(Set(before.keys).subtracting(after.keys).filter { !$0.hasSuffix(".gz") && !$0.hasSuffix(".br") })
        let summary = try await s.deploy()
        let stat = Set(try s.git(["-c", "core.quotepath=off", "show", "--no-renames", "--name-only", "--format=", "gh-pages"]).split(separator: "\n").map(String.init))
        #expect(stat == changed && summary.filesChanged == changed.count, "\(stat.sorted()) vs \(changed.sorted())")
        #expect(stat.contains("posts/文章-c2m/index.html") && stat.contains("posts/文章-c2m-改版/index.html") && stat.count < s.committable().count / 2)
        #expect(try s.commits() == 2)
        let clone = s.site.root.appendingPathComponent(".portfolio/deploy/pages/posts/文章-c2m")
        #expect(!FileManager.default.fileExists(atPath: clone.path))
    }

    /// A branch rewritten elsewhere is not overwritten: the push is refused with what to
    /// do; `force` replaces it.
    @Test func aDivergedBranchNeedsForce() async throws {
        let s = try Setup()
        _ = try await s.deploy()
        let other = s.site.root.appendingPathComponent("other")
        _ = try Git.run(["clone", "-q", "--branch", "gh-pages", s.bare.path, other.path], in: s.site.root)
        _ = try Git.run(["-c", "user.name=x", "-c", "user.email=x@example.org", "commit", "-q", "--amend", "-m", "rewritten"], in: other)
        _ = try Git.run(["push", "-q", "--force", "origin", "gh-pages"], in: other)
        let rewritten = try s.git(["rev-parse", "gh-pages"])
        try s.site.article("stp", title: "文章 stp 改版", date: "2020-01-01 10:00:00", extra: "tags: [行銷]")
        try s.publish()
        do {
            _ = try await s.deploy()
            Issue.record("a diverged branch was pushed to")
        } catch {
            #expect(error.description.contains("the branch gh-pages on \(s.bare.path) has commits this deploy does not have"))
            #expect(error.description.contains("--force"))
        }
        #expect(try s.git(["rev-parse", "gh-pages"]) == rewritten)
        let forced = try await s.deploy(force: true)
        // The refused deploy's commit waited in the clone; the forced one pushes it.
        #expect(forced.commit == nil && forced.pushed)
        #expect(try s.git(["rev-parse", "gh-pages"]) == (try Git.run(["rev-parse", "HEAD"], in: s.site.root.appendingPathComponent(".portfolio/deploy/pages"))))
        #expect(try s.git(["log", "--format=%s", "gh-pages"]).split(separator: "\n").count == 2)
    }
}

/// The system git, for looking at what a deploy did.
enum Git {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "git \(arguments.joined(separator: " ")): " + String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
