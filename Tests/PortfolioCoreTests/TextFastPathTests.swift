import Foundation
@testable import PortfolioContent
@testable import PortfolioCore
import Testing

/// The hand-written text paths must agree with the Unicode machinery they stand in for.
@Suite("Text fast paths")
struct TextFastPathTests {
    /// Every scalar of the blocks the slug fast path handles, plus neighbours it must not.
    static let slugScalars: [Unicode.Scalar] = [0x20...0x7E, 0x2000...0x206F, 0x3000...0x303F, 0x4E00...0x4EFF, 0x9F00...0x9FFF, 0xFF00...0xFFEF]
        .flatMap { $0 }.compactMap(Unicode.Scalar.init)

    @Test("slug normalisation equals NFKC and lower case for every scalar of the fast blocks")
    func slugNormalisationMatchesFoundation() {
        for scalar in Self.slugScalars {
            let text = "A" + String(scalar) + "行銷"
            #expect(Slug.normalised(text) == Slug.foundationNormalised(text), "U+\(String(scalar.value, radix: 16))")
        }
        let title = "口碑傳播與ＳＴＰ：平台如何重新定義（0）「社群」—— Ｃ２Ｍ"
        #expect(Slug.normalised(title) == Slug.foundationNormalised(title))
        #expect(Slug.make(title) == "口碑傳播與stp-平台如何重新定義-0-社群-c2m")
    }

    @Test("the one-pass slug equals the general one, for every scalar of the fast blocks and at every length")
    func commonSlugMatchesTheGeneralWay() {
        var checked = 0
        for scalar in Self.slugScalars {
            for text in ["A" + String(scalar) + "行銷", String(scalar), "ＳＴＰ" + String(scalar) + String(scalar) + "x"] {
                guard let fast = Slug.commonSlug(text, maxLength: 80) else { continue }
                #expect(fast == Slug.generalSlug(text, maxLength: 80), "U+\(String(scalar.value, radix: 16))")
                checked += 1
            }
        }
        #expect(checked > 2_000)
        let title = "口碑傳播與ＳＴＰ：平台如何重新定義（0）「社群」—— Ｃ２Ｍ S2b2c 模式，從 -- 市場區隔 到 目標__市場"
        for length in 0...80 {
            #expect(Slug.commonSlug(title, maxLength: length) == Slug.generalSlug(title, maxLength: length), "length \(length)")
        }
        #expect(Slug.commonSlug("café", maxLength: 80) == nil)
        #expect(Slug.commonSlug("한국어", maxLength: 80) == nil)
    }

    @Test("white space is Unicode's White_Space, for every scalar")
    func whiteSpaceMatchesUnicode() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if String.isWhiteSpace(scalar) != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16))")
            }
        }
        #expect("（標題）".trimmed == "（標題）")
        #expect("\u{3000}（標題）\u{2028}".trimmed == "（標題）")
    }

    @Test("word counts decode UTF-8 as the scalar view does")
    func wordCountsMatchScalars() {
        let text = "行銷 STP理論 C2M、ａｂｃ 𠀀𠀁 café naïve ١٢٣ — 😀 end"
        var han = 0, words = 0, inWord = false
        for scalar in text.unicodeScalars {
            if WordCount.isHan(scalar.value) { han += 1; inWord = false }
            else if WordCount.isWordCharacter(scalar) { if !inWord { words += 1 }; inWord = true }
            else { inWord = false }
        }
        #expect(WordCount.count(text) == (han, words))
        #expect(WordCount.count(text) == (6, 7))
    }
}
