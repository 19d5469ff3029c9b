import Foundation
import PortfolioPublish
import PortfolioSite
import Testing

@Suite("Precompressed files")
struct CompressionTests {
    static let page = Array(String(repeating: "<p>行銷知識作品集:利基市場、STP 與社群電商。</p>\n", count: 200).utf8)

    @Test func brotliAndGzipGiveBackTheBytes() throws {
        let br = try #require(Brotli.compress(Self.page, quality: 6))
        #expect(br.count < Self.page.count / 5)
        #expect(Brotli.decompress(br) == Self.page)
        let gz = try #require(Gzip.compress(Self.page, level: 6))
        #expect(Gzip.decompress(gz) == Self.page)
        #expect(Brotli.decompress([1, 2, 3]) == nil)
        #expect(Gzip.decompress([0x1f, 0x8b, 8]) == nil)
    }

    /// No name, modification time 0 and a fixed system byte: the header is the same for
    /// every file, so the same bytes give the same file.
    @Test func gzipHeaderIsFixed() throws {
        let gz = try #require(Gzip.compress(Self.page, level: 9))
        #expect(Array(gz.prefix(10)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])
        #expect(Gzip.compress(Self.page, level: 9) == gz)
        #expect(Brotli.compress(Self.page, quality: 11) == Brotli.compress(Self.page, quality: 11))
    }

    @Test func siblingsOnlyForTextAndOnlyWhenSmaller() {
        let compression = Precompression()
        let names = compression.siblings(of: SiteOutput("posts/a/index.html", .page, Self.page)).map(\.path)
        #expect(names == ["posts/a/index.html.br", "posts/a/index.html.gz"])
        #expect(compression.siblings(of: SiteOutput("search/shards/0a.bin", .search, Self.page)).count == 2)
        #expect(compression.siblings(of: SiteOutput("images/a.png", .staticFile, Self.page)).isEmpty)
        // One byte cannot shrink: gzip's header alone is longer.
        #expect(compression.siblings(of: SiteOutput("a.txt", .staticFile, [0x61])).isEmpty)
    }
}
