import Dispatch
import Foundation
import PortfolioCore

/// Deploys a published folder to a branch of a git remote through the system `git`. A
/// working clone is kept in the site's `.portfolio/deploy/NAME/`; each deploy fetches the
/// branch (or starts it as an orphan), replaces the tree with the output, commits once
/// when something changed, and pushes without force unless told to.
public struct GitDeployer: Sendable {
    /// The target's name in `portfolio.yml`, which names its clone.
    public let name: String
    /// The remote and branch.
    public let target: GitTarget
    /// The site folder: where the clone is kept, and whose commit the message names.
    public let siteRoot: URL
    /// The published folder.
    public let folder: URL
    /// Replace a branch that has commits this deploy does not have.
    public var force = false
    /// Show what would change, commit and push nothing.
    public var dryRun = false
    /// The identity of deploy commits when the user's git config has none (CI).
    public static let fallbackIdentity = (name: "portfolio deploy", email: "deploy@portfolio.invalid")

    /// A deployer of `folder` to `target`, named `name` in `portfolio.yml`.
    public init(name: String, target: GitTarget, siteRoot: URL, folder: URL) {
        self.name = name
        self.target = target
        self.siteRoot = siteRoot
        self.folder = folder
    }

    /// The working clone's folder.
    public var clone: URL { siteRoot.appendingPathComponent(".portfolio/deploy/\(name)", isDirectory: true) }

    /// Fetches, replaces the tree, commits when something changed, pushes; returns what it did.
    public func run(progress: DeployProgress) async throws(PortfolioErrors) -> GitDeploySummary {
        let start = DispatchTime.now().uptimeNanoseconds
        let git = try prepareClone()
        let remoteHasBranch = try fetch(git)
        try GitTree.sync(from: folder, to: clone)
        // --force: a .gitignore among the output files, or a global one, must not hide any of them.
        try git.check(["add", "--all", "--force", "."], "cannot stage the output")
        let changes = try git.check(["-c", "core.quotepath=off", "status", "--porcelain", "--no-renames"], "cannot compare the output").split(separator: "\n")
        func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        if dryRun {
            for line in changes { await progress.say("would commit: " + line) }
            try discardChanges(git)
            return GitDeploySummary(filesChanged: changes.count, commit: nil, pushed: false, seconds: seconds(), dryRun: true)
        }
        var commit: String?
        if !changes.isEmpty {
            try commitChanges(git)
            commit = try git.check(["rev-parse", "HEAD"], "cannot read the new commit").trimmed
        }
        let pushed = try push(git, remoteHasBranch: remoteHasBranch)
        return GitDeploySummary(filesChanged: changes.count, commit: commit, pushed: pushed, seconds: seconds(), dryRun: false)
    }

    /// The clone, made on the first deploy, its `origin` set to the configured remote.
    func prepareClone() throws(PortfolioErrors) -> GitRunner {
        let fm = FileManager.default
        do { try fm.createDirectory(at: clone, withIntermediateDirectories: true) } catch {
            throw PortfolioErrors([PortfolioError(.io, "cannot make the deploy clone: \(error.localizedDescription)", at: SourceLocation(path: clone.path))])
        }
        var git = GitRunner(folder: clone)
        if !fm.fileExists(atPath: clone.appendingPathComponent(".git").path) {
            try git.check(["init", "-q"], "cannot make the deploy clone")
        }
        if try git.run(["remote", "get-url", "origin"]).status == 0 {
            try git.check(["remote", "set-url", "origin", target.remote], "cannot set the remote")
        } else {
            try git.check(["remote", "add", "origin", target.remote], "cannot set the remote")
        }
        git.environment = identity()
        return git
    }

    /// Fetches the branch and moves the local branch onto it when that only adds commits
    /// (another machine deployed); a local branch that has diverged is kept, and its push
    /// is refused. Returns whether the remote has the branch.
    func fetch(_ git: GitRunner) throws(PortfolioErrors) -> Bool {
        let branch = target.branch, tracking = "refs/remotes/origin/\(branch)"
        let heads = try git.check(["ls-remote", "--heads", "origin", "refs/heads/\(branch)"], "cannot reach \(target.remote)")
        let remoteHas = !heads.trimmed.isEmpty
        if remoteHas { try git.check(["fetch", "-q", "origin", "+refs/heads/\(branch):\(tracking)"], "cannot fetch \(branch) from \(target.remote)") }
        let localHas = try git.run(["rev-parse", "--verify", "-q", "refs/heads/\(branch)"]).status == 0
        try git.check(["symbolic-ref", "HEAD", "refs/heads/\(branch)"], "cannot switch to \(branch)")
        if remoteHas {
            // Behind means the local branch is missing or an ancestor of the remote's.
            var behind = !localHas
            if localHas { behind = try git.run(["merge-base", "--is-ancestor", "refs/heads/\(branch)", tracking]).status == 0 }
            if behind { try git.check(["reset", "-q", tracking], "cannot move \(branch) to the remote's") }
        } else if !localHas {
            // An orphan branch: nothing to start from, and an empty index.
            _ = try git.run(["rm", "-r", "-q", "--cached", "--ignore-unmatch", "."])
        }
        return remoteHas
    }

    /// One commit of the staged tree, its message naming the site's commit.
    func commitChanges(_ git: GitRunner) throws(PortfolioErrors) {
        let source = GitRunner(folder: siteRoot)
        let head = try source.run(["rev-parse", "HEAD"])
        let commit = head.status == 0 ? head.stdout.trimmed : nil
        let first = "\(target.message) (source \(commit.map { String($0.prefix(12)) } ?? "no git"))"
        let body = commit.map { "source commit: \($0)" } ?? "source: no git (the site folder is not a git repository)"
        try git.check(["commit", "-q", "--no-verify", "-m", first, "-m", body], "cannot commit the output")
    }

    /// Pushes the branch when it differs from the remote's; a refused push because the
    /// remote has other commits becomes an error that says what to do.
    func push(_ git: GitRunner, remoteHasBranch: Bool) throws(PortfolioErrors) -> Bool {
        let branch = target.branch
        let local = try git.run(["rev-parse", "-q", "--verify", "refs/heads/\(branch)"])
        guard local.status == 0 else { return false }
        let remote = try git.run(["rev-parse", "-q", "--verify", "refs/remotes/origin/\(branch)"])
        if remoteHasBranch, remote.stdout == local.stdout { return false }
        let arguments = ["push", "-q"] + (force ? ["--force"] : []) + ["origin", "refs/heads/\(branch):refs/heads/\(branch)"]
        let output = try git.run(arguments)
        guard output.status != 0 else { return true }
        if Self.isRejected(output.stderr), !force {
            throw PortfolioErrors([PortfolioError(.deploy, "the branch \(branch) on \(target.remote) has commits this deploy does not have; "
                + "nothing was pushed. Look at them, then either run `portfolio deploy \(name) --force` to replace the branch with this "
                + "deploy, or delete \(clone.path) to deploy on top of them (git said: \(output.stderr.trimmed))")])
        }
        throw GitRunner.failure("cannot push to \(target.remote)", arguments, output)
    }

    static func isRejected(_ stderr: String) -> Bool {
        stderr.contains("[rejected]") || stderr.contains("non-fast-forward") || stderr.contains("fetch first")
    }

    /// A dry run leaves the clone as the last deploy left it.
    func discardChanges(_ git: GitRunner) throws(PortfolioErrors) {
        if try git.run(["rev-parse", "-q", "--verify", "HEAD"]).status == 0 {
            try git.check(["reset", "-q", "--hard", "HEAD"], "cannot undo the dry run in the clone")
        } else {
            _ = try git.run(["rm", "-r", "-q", "--cached", "--ignore-unmatch", "."])
        }
        try git.check(["clean", "-q", "-f", "-d", "-x"], "cannot undo the dry run in the clone")
    }

    /// Author and committer from the user's git config, or the fixed identity.
    func identity() -> [String: String] {
        let config = GitRunner(folder: siteRoot)
        func value(_ key: String) -> String? {
            guard let output = try? config.run(["config", "--get", key]), output.status == 0 else { return nil }
            let text = output.stdout.trimmed
            return text.isEmpty ? nil : text
        }
        let name = value("user.name") ?? Self.fallbackIdentity.name, email = value("user.email") ?? Self.fallbackIdentity.email
        return ["GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email]
    }
}
