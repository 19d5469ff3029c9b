import Foundation
import PortfolioCore
import PortfolioSite
import PortfolioTestSupport
import Testing

@Suite("Output folder safety")
struct OutputSafetyTests {
    @Test func failingBuildLeavesOldOutputByteIdentical() throws {
        let site = try TestSite()
        try site.article("a", title: "好文章")
        try site.build()
        let before = TestSite.snapshot(site.output)
        try site.write("content/posts/bad.md", "---\ntitle: 壞\ndate: not-a-date\n---\n")
        try site.write("content/posts/worse.md", "no front matter\n")
        let errors = site.buildErrors()
        #expect(errors.count == 2)
        #expect(Set(errors.compactMap(\.location?.path)) == ["content/posts/bad.md", "content/posts/worse.md"])
        #expect(errors.first { $0.location?.path == "content/posts/bad.md" }?.location?.line == 3)
        #expect(errors.allSatisfy { $0.step == "content" })
        #expect(TestSite.snapshot(site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func templateErrorsAreReportedWithContentErrors() throws {
        let site = try TestSite()
        try site.article("a", title: "好")
        try site.write("content/posts/bad.md", "---\ntitle: [\n---\n")
        try site.write("templates/article.mustache", "{{> head}}\n{{#article}}\n{{title}}\n{{/articles}}\n")
        let errors = site.buildErrors()
        #expect(errors.count == 2)
        let template = try #require(errors.first { $0.kind == .template })
        #expect(template.location?.path == "templates/article.mustache")
        #expect(template.location?.line == 4)
    }

    @Test func refusesToReplaceAFolderWithoutTheMarker() throws {
        let site = try TestSite()
        try site.article("a", title: "好")
        try site.write("public/precious.txt", "mine")
        let errors = site.buildErrors()
        #expect(errors.first?.kind == .output)
        #expect(site.read("precious.txt") == "mine")
    }

    @Test func refusesAnOutputThatIsOrContainsTheSources() throws {
        let site = try TestSite()
        try site.article("a", title: "好")
        for output in [site.root, site.root.deletingLastPathComponent(), site.root.appendingPathComponent("content/out")] {
            #expect(throws: PortfolioErrors.self) { try site.build(output: output) }
        }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/posts/a.md").path))
    }

    @Test func replacesItsOwnOutput() throws {
        let site = try TestSite()
        try site.article("a", title: "第一")
        try site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/posts/a.md"))
        try site.article("b", title: "第二")
        try site.build()
        #expect(!site.exists("posts/第一/index.html"))
        #expect(site.exists("posts/第二/index.html"))
    }
}
