import Testing
@testable import PortfolioImport

@Suite("Pinyin slugs for file names")
struct ImportSlugTests {
    @Test("titles become short pinyin slugs cut at a hyphen")
    func pinyin() {
        #expect(ImportSlug.base(for: "口碑行銷的四個步驟") == "kou-bei-xing-xiao-de-si-ge-bu-zhou")
        let long = ImportSlug.base(for: "品牌定位的三個問題 (Brand Positioning) 筆記")
        #expect(long == "pin-pai-ding-wei-de-san-ge-wen-ti-brand")
        #expect(long.count <= ImportSlug.maxLength)
    }

    @Test("shortening keeps whole words; a single long word is cut hard")
    func shorten() {
        #expect(ImportSlug.shortened("abc-def-ghi", to: 7) == "abc-def")
        #expect(ImportSlug.shortened("abc-def-ghi", to: 8) == "abc-def")
        #expect(ImportSlug.shortened("abcdefghij", to: 4) == "abcd")
        #expect(ImportSlug.shortened("abc", to: 4) == "abc")
    }
}
