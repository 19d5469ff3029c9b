@testable import PortfolioTemplates
import Testing

@Suite("Simplified or Traditional")
struct ScriptTests {
    /// The rule on Unicode scalars, as the byte scan must apply it.
    func expected(_ text: String) -> Bool {
        var simplified = 0, traditional = 0, seen = 0
        for scalar in text.unicodeScalars where scalar.value >= Script.firstHan {
            if scalar.value <= Script.lastHan {
                let mark = Script.marks[Int(scalar.value - Script.firstHan)]
                if mark > 0 { simplified += 1 } else if mark < 0 { traditional += 1 }
            }
            seen += 1
            if seen > 1500 { break }
        }
        return simplified > traditional * 2 && simplified >= 3
    }

    /// Mixed texts of ASCII, accents, CJK punctuation, characters just below U+4E00,
    /// either script, and emoji; long enough that the 1,500-character limit decides some.
    @Test func byteScanAgreesWithScalars() {
        let pieces = ["a", "é", "，", "\u{4DFF}", "\u{4E00}", "\u{9FFF}", "\u{A000}", "😀", "们", "這", "说", "說", "营销", "營銷", "的"]
        var state: UInt64 = 7
        for round in 0..<400 {
            var text = ""
            for _ in 0..<(round < 300 ? round : 1400 + round * 3) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            #expect(Script.looksSimplified(text) == expected(text))
        }
        #expect(Script.looksSimplified("们这说为与"))
        #expect(!Script.looksSimplified("們這說為與"))
    }
}
