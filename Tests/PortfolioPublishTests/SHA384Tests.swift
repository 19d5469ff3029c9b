import Foundation
@testable import PortfolioPublish
import Testing

@Suite("SHA-384")
struct SHA384Tests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// The examples of FIPS 180-4: one block, empty, and a message that needs two blocks.
    @Test func matchesTheStandardsExamples() {
        #expect(Self.hex(SHA384.hash(Array("abc".utf8))) == "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")
        #expect(Self.hex(SHA384.hash([])) == "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b")
        let two = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        #expect(Self.hex(SHA384.hash(Array(two.utf8))) == "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039")
    }

    /// Lengths around the padding boundary (111, 112 and 128 bytes), against digests that
    /// `sha384sum` printed.
    @Test func paddingBoundaries() {
        #expect(Self.hex(SHA384.hash([UInt8](repeating: 0x61, count: 111))) == "3c37955051cb5c3026f94d551d5b5e2ac38d572ae4e07172085fed81f8466b8f90dc23a8ffcdea0b8d8e58e8fdacc80a")
        #expect(Self.hex(SHA384.hash([UInt8](repeating: 0x61, count: 112))) == "187d4e07cb306103c69967bf544d0dfbe9042577599c73c330abc0cb64c61236d5ed565ee19119d8c31779a38f791fcd")
        #expect(Self.hex(SHA384.hash([UInt8](repeating: 0x61, count: 128))) == "edb12730a366098b3b2beac75a3bef1b0969b15c48e2163c23d96994f8d1bef760c7e27f3c464d3829f56c0d53808b0b")
    }
}
