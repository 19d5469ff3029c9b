import Foundation
import PortfolioTestSupport

/// A site made to have one of each problem `check` knows, each on a line of its own.
enum BrokenSite {
    static func make() throws -> TestSite {
        let site = try TestSite(config: "title: 壞連結站\nauthor: 測試者\nbase_url: https://example.org/\nmarkdown:\n  unsafe_html: true\n")
        try site.article("target", title: "目標", extra: "slug: target", body: "## 市場區隔\n\n正文。\n\n## 定位\n\n再一段。\n\n## 小結\n\n完。")
        try site.article("shichang", title: "市場", extra: "slug: 市場\naliases: [\"/posts/%E5%B8%82%E5%A0%B4/\"]")
        try site.article("problems", title: "問題", extra: "slug: problems", body: """
            [好連結](/posts/target/#市場區隔) 與 [本頁](#top)

            [壞連結](/posts/none/)

            [缺錨點](/posts/target/#nowhere)

            ![缺圖](/images/none.png)

            <img src="/images/a.png">
            """)
        try site.write("static/images/a.png", "png")
        try site.write("static/extra.html", """
            <!DOCTYPE html>
            <html><head><title>extra</title>
            <link rel="stylesheet" href="/css/none.css">
            </head><body>
            <script src="/js/none.js"></script>
            </body></html>
            """)
        return site
    }

    /// The 1-based line of the first line of `file` that contains `text`.
    static func line(of text: String, in file: String) -> Int? {
        file.components(separatedBy: "\n").firstIndex { $0.contains(text) }.map { $0 + 1 }
    }
}
