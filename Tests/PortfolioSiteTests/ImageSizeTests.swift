import Foundation
import PortfolioSite
import Testing

/// Image sizes from file headers, and the width and height they give article images.
@Suite struct ImageSizeTests {
    static func be(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).reversed().map { UInt8(v >> ($0 * 8) & 0xFF) } }
    static func le(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).map { UInt8(v >> ($0 * 8) & 0xFF) } }

    static func png(_ w: Int, _ h: Int) -> [UInt8] {
        [0x89] + Array("PNG\r\n\u{1A}\n".utf8) + be(13, 4) + Array("IHDR".utf8) + be(w, 4) + be(h, 4) + [8, 2, 0, 0, 0]
    }

    @Test func png() { #expect(ImageSize.read(Self.png(640, 280)) == ImageSize(width: 640, height: 280)) }

    @Test func gif() {
        #expect(ImageSize.read(Array("GIF89a".utf8) + Self.le(320, 2) + Self.le(99, 2) + [0, 0, 0]) == ImageSize(width: 320, height: 99))
    }

    @Test func jpegFindsTheFrameAfterOtherSegments() {
        let app0: [UInt8] = [0xFF, 0xE0] + Self.be(16, 2) + Array(repeating: 0, count: 14)
        let dht: [UInt8] = [0xFF, 0xC4] + Self.be(5, 2) + [1, 2, 3]
        let sof2: [UInt8] = [0xFF, 0xC2] + Self.be(17, 2) + [8] + Self.be(480, 2) + Self.be(1024, 2) + [3] + Array(repeating: 0, count: 9)
        #expect(ImageSize.read([0xFF, 0xD8] + app0 + dht + sof2) == ImageSize(width: 1024, height: 480))
    }

    @Test func webpLossyLosslessAndExtended() {
        func riff(_ chunk: String, _ body: [UInt8]) -> [UInt8] {
            Array("RIFF".utf8) + Self.le(100, 4) + Array("WEBP".utf8) + Array(chunk.utf8) + Self.le(body.count, 4) + body
        }
        let lossy = riff("VP8 ", [0, 0, 0, 0x9D, 0x01, 0x2A] + Self.le(800, 2) + Self.le(600, 2) + [0, 0])
        #expect(ImageSize.read(lossy) == ImageSize(width: 800, height: 600))
        let bits = (400 - 1) | (300 - 1) << 14
        #expect(ImageSize.read(riff("VP8L", [0x2F] + Self.le(bits, 4) + [0, 0, 0, 0, 0])) == ImageSize(width: 400, height: 300))
        let extended = riff("VP8X", [0, 0, 0, 0] + Self.le(1919, 3) + Self.le(1079, 3) + [0, 0])
        #expect(ImageSize.read(extended) == ImageSize(width: 1920, height: 1080))
    }

    @Test func otherBytesAndCutHeadersHaveNoSize() {
        #expect(ImageSize.read(Array("not an image at all, no".utf8)) == nil)
        #expect(ImageSize.read(Array(Self.png(10, 10).prefix(20))) == nil)
        #expect(ImageSize.read([0xFF, 0xD8, 0xFF, 0xE0, 0, 200]) == nil)
        #expect(ImageSize.read(Self.png(0, 10)) == nil)
    }

    @Test func sizesGoOnLocalImagesOnly() {
        let statics = [StaticFile(path: "images/圖 1.png", bytes: Self.png(64, 32)), StaticFile(path: "notes.txt", bytes: Self.png(1, 1))]
        let sizes = ImageSizes(statics: statics, root: "/blog/")
        let html = "<img loading=\"lazy\" src=\"/blog/images/%E5%9C%96%201.png\" alt=\"a\" />"
            + "<img loading=\"lazy\" src=\"https://cdn.example/images/%E5%9C%96%201.png\" alt=\"b\" />"
            + "<img loading=\"lazy\" src=\"/blog/notes.txt\" alt=\"c\" />"
        #expect(sizes.apply(html) == "<img loading=\"lazy\" src=\"/blog/images/%E5%9C%96%201.png\" width=\"64\" height=\"32\" alt=\"a\" />"
            + "<img loading=\"lazy\" src=\"https://cdn.example/images/%E5%9C%96%201.png\" alt=\"b\" />"
            + "<img loading=\"lazy\" src=\"/blog/notes.txt\" alt=\"c\" />")
    }
}
