import PortfolioCore
import PortfolioTemplates
import Testing

@Suite("Template maps")
struct TemplateMapTests {
    @Test func membersAreSetReplacedAndRemoved() {
        var map: TemplateMap = ["title": "一", "url": "/a/"]
        map["title"] = "二"
        map["views"] = 3
        #expect(map["title"] == "二" && map["views"] == 3 && map.count == 3)
        map["url"] = nil
        #expect(map["url"] == nil && map.count == 2)
        #expect(map["missing"] == nil)
    }

    @Test func equalityAndHashIgnoreOrder() {
        let a: TemplateMap = ["a": 1, "b": ["c": "d"], "標題": "市場"]
        var b = TemplateMap()
        b["標題"] = "市場"
        b["b"] = ["c": "d"]
        b["a"] = 1
        #expect(a == b && a.hashValue == b.hashValue)
        b["a"] = 2
        #expect(a != b)
        #expect(TemplateMap(["a": 1, "b": ["c": "d"], "標題": "市場"]) == a)
    }

    @Test func everyNameFindsItsOwnValue() {
        var map = TemplateMap()
        for i in 0..<2000 { map["name\(i)"] = .init(i) }
        #expect((0..<2000).allSatisfy { map["name\($0)"] == .init($0) })
        #expect(map["name2000"] == nil)
    }

    /// Two names with the same fingerprint (found by search) stay two members.
    @Test func namesWithOneFingerprintAreToldApart() {
        #expect(FNV1a.hash("name139599".utf8) == FNV1a.hash("name322382".utf8))
        var map: TemplateMap = ["name139599": "甲"]
        #expect(map["name322382"] == nil)
        map["name322382"] = "乙"
        #expect(map["name139599"] == "甲" && map["name322382"] == "乙" && map.count == 2)
        map["name139599"] = nil
        #expect(map["name322382"] == "乙" && map.count == 1)
    }

    @Test func nestedNamesInTemplatesReadMaps() throws {
        let theme = try Theme(templatesFolder: nil)
        let out = theme.render("card", ["title": "<b>", "url": "/x/", "tags": [["name": "STP", "url": "/tags/stp/"]], "has_tags": true])
        #expect(out.contains("&lt;b&gt;") && out.contains("href=\"/tags/stp/\">STP</a>"))
    }
}
