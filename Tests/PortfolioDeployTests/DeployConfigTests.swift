import PortfolioCore
import PortfolioDeploy
import Testing

@Suite("deploy config")
struct DeployConfigTests {
    static func errors(_ yaml: String) -> [String] {
        do {
            _ = try DeployConfig(yaml: yaml, path: "portfolio.yml")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// The example of the issue gives a git and an s3 target, with defaults where keys are left out.
    @Test func readsGitAndS3Targets() throws {
        let config = try DeployConfig(yaml: """
            title: 站
            deploy:
              pages: { type: git, remote: "git@github.com:me/me.github.io.git" }
              cos:   { type: s3, endpoint: "https://cos.ap-taipei.myqcloud.com", region: ap-taipei, bucket: blog-1250000000, prefix: "/blog", path_style: true, max_deletes: 10 }
            """, path: "portfolio.yml")
        #expect(config.targets.map(\.name) == ["pages", "cos"])
        #expect(config.targets[0].kind == .git(GitTarget(remote: "git@github.com:me/me.github.io.git", branch: "gh-pages")))
        #expect(config.targets[0].location == SourceLocation(path: "portfolio.yml", line: 3))
        var s3 = S3Target(endpoint: "https://cos.ap-taipei.myqcloud.com", bucket: "blog-1250000000")
        s3.region = "ap-taipei"
        s3.prefix = "blog/"
        s3.pathStyle = true
        s3.maxDeletes = 10
        #expect(config.targets[1].kind == .s3(s3))
    }

    /// Every mistake is reported in one run, each at its own line, with what to write instead.
    @Test func reportsEveryMistakeAtItsLine() {
        let found = Self.errors("""
            deploy:
              a: { type: ftp }
              b: { type: git }
              c:
                type: s3
                endpoint: https://s3.example.com
              d:
                type: git
                remote: ../site.git
                brnach: main
              e: { type: s3, endpoint: "ftp://x", bucket: b, concurrency: 0 }
            """)
        #expect(found.contains { $0.hasPrefix("portfolio.yml:2: config error: deploy.a.type: unknown type `ftp`") })
        #expect(found.contains { $0.hasPrefix("portfolio.yml:3: config error: deploy.b: needs `remote`") })
        #expect(found.contains { $0.hasPrefix("portfolio.yml:5: config error: deploy.c: needs `bucket`") })
        #expect(found.contains("portfolio.yml:10: config error: deploy.d.brnach: unknown key `brnach`; did you mean `branch`?"))
        #expect(found.contains { $0.hasPrefix("portfolio.yml:11: config error: deploy.e.endpoint: must be an http:// or https:// address") })
        #expect(found.contains { $0.hasPrefix("portfolio.yml:11: config error: deploy.e.concurrency: expected a whole number from 1 to 64") })
        #expect(found.count == 6)
    }

    /// A credential in the file is refused at its line, whatever it is called, and so is a
    /// remote address that carries a password.
    @Test func refusesSecrets() {
        let found = Self.errors("""
            deploy:
              cos:
                type: s3
                endpoint: https://cos.example.com
                bucket: b
                secret_key: abc
                AWS_SESSION_TOKEN: xyz
              pages: { type: git, remote: "https://me:ghp_123@github.com/me/me.github.io.git" }
            """)
        #expect(found.count == 3)
        #expect(found.contains { $0.hasPrefix("portfolio.yml:6: config error: deploy.cos.secret_key: credentials are never read from portfolio.yml") && $0.contains("AWS_SECRET_ACCESS_KEY") })
        #expect(found.contains { $0.hasPrefix("portfolio.yml:7: config error: deploy.cos.AWS_SESSION_TOKEN: credentials") })
        #expect(found.contains { $0.hasPrefix("portfolio.yml:8: config error: deploy.pages.remote: the address holds a password") })
    }

    /// One target may go unnamed; otherwise an unknown or missing name lists the names.
    @Test func choosesTheTarget() throws {
        let one = try DeployConfig(yaml: "deploy:\n  pages: { type: git, remote: /tmp/x.git }\n", path: "portfolio.yml")
        #expect(try one.target(named: nil).name == "pages")
        let two = try DeployConfig(yaml: "deploy:\n  pages: { type: git, remote: /tmp/x.git }\n  cos: { type: s3, endpoint: \"https://e.com\", bucket: b }\n", path: "portfolio.yml")
        #expect(try two.target(named: "cos").name == "cos")
        #expect(throws: PortfolioErrors.self) { try two.target(named: nil) }
        do {
            _ = try two.target(named: "page")
            Issue.record("an unknown name was accepted")
        } catch {
            #expect(error.description.contains("no deploy target `page` in portfolio.yml; did you mean `pages`? (targets: pages, cos)"))
        }
        #expect(throws: PortfolioErrors.self) { try DeployConfig(yaml: "title: x\n", path: "portfolio.yml").target(named: nil) }
    }
}
