import Foundation
import PortfolioCore
@testable import PortfolioPublish
import PortfolioSite
import Testing

@Suite("Hashed asset names")
struct ReferenceRewriterTests {
    static let css = SiteOutput("assets/style.css", .asset, Array("body{color:red}".utf8))
    static let js = SiteOutput("js/app.js", .staticFile, Array("console.log(1)".utf8))
    static let image = SiteOutput("assets/logo.png", .asset, [1, 2, 3])

    func rewrite(_ html: String, base: String = "https://example.org/blog/") -> (String, AssetFingerprints) {
        let fingerprints = AssetFingerprints([Self.css, Self.js, Self.image], links: SiteLinks(baseURL: base))
        return (String(decoding: ReferenceRewriter(fingerprints: fingerprints).rewrite(Array(html.utf8)), as: UTF8.self), fingerprints)
    }

    /// Any stylesheet or script of the theme or of static/ is renamed, whatever its name;
    /// other files keep theirs.
    @Test func cssAndJavaScriptGetHashNames() throws {
        let (_, fingerprints) = rewrite("")
        let css = try #require(fingerprints.entries["assets/style.css"])
        #expect(css.hashed.range(of: #"^assets/style\.[0-9a-f]{10}\.css$"#, options: .regularExpression) != nil)
        #expect(css.integrity == "sha384-" + Data(SHA384.hash(Self.css.bytes)).base64EncodedString())
        #expect(fingerprints.entries["js/app.js"] != nil)
        #expect(fingerprints.entries["assets/logo.png"] == nil)
    }

    @Test func linkAndScriptTagsGetIntegrity() throws {
        let html = "<link rel=\"stylesheet\" href=\"/blog/assets/style.css\">\n<script src='https://example.org/blog/js/app.js' defer></script>"
        let (out, fingerprints) = rewrite(html)
        let css = try #require(fingerprints.entries["assets/style.css"]), js = try #require(fingerprints.entries["js/app.js"])
        #expect(out == "<link rel=\"stylesheet\" href=\"/blog/\(css.hashed)\" integrity=\"\(css.integrity)\">\n"
            + "<script src='https://example.org/blog/\(js.hashed)' integrity=\"\(js.integrity)\" defer></script>")
    }

    /// A link to a script (not a tag that loads it) is renamed without integrity; text that
    /// merely mentions the address, and a tag that has integrity already, are left alone.
    @Test func otherReferencesAndText() throws {
        let html = "<a href=\"/blog/js/app.js\">/blog/js/app.js</a> <script src=\"/blog/js/app.js\" integrity=\"sha384-x\"></script> <a href=\"/blog/js/app.js.map\">"
        let (out, fingerprints) = rewrite(html)
        let js = try #require(fingerprints.entries["js/app.js"])
        #expect(out == "<a href=\"/blog/\(js.hashed)\">/blog/js/app.js</a> <script src=\"/blog/\(js.hashed)\" integrity=\"sha384-x\"></script> <a href=\"/blog/js/app.js.map\">")
    }
}

@Suite("Character references in attributes")
struct HTMLEntitiesTests {
    @Test func decodesKnownReferencesAndKeepsTheRest() {
        #expect(HTMLEntities.decode("/share?u=a&amp;t=%E5&#38;x&#x26;y") == "/share?u=a&t=%E5&x&y")
        #expect(HTMLEntities.decode("市場&#x5340;隔 &unknown; & a&b") == "市場區隔 &unknown; & a&b")
        #expect(HTMLEntities.decode("no references") == "no references")
    }
}
