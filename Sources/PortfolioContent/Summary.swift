import Foundation
import PortfolioCore
import PortfolioMarkdown

/// The automatic summary of an article without a `summary:`: the first paragraph of
/// prose in the body, shortened to a sentence end within the length. One paragraph only,
/// so an edit further down never changes the summary (and the preview re-renders only
/// the article's page).
///
/// Paragraphs that are not prose are passed over: a bare URL, a line that is only a
/// section number and a title ("1.3 微商的5大特性", "一、前言", "Step 1."), and a first
/// line that credits a writer ("作者：織田紀香", "文／…", "by …"). Headings are never
/// paragraphs. Paragraphs in lists are used only when there is nothing else.
public enum Summary {
    /// Characters that end a sentence.
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "!", "?"]

    /// A summary from the body's first paragraphs.
    public static func make(from lead: [LeadParagraph], length: Int) -> String {
        var texts: [String] = []
        for (index, paragraph) in lead.enumerated() {
            var text = paragraph.text.trimmed
            if index == 0, isCredit(paragraph.firstLine.trimmed) {
                text = String(text.dropFirst(paragraph.firstLine.count)).trimmed
            }
            if let prose = prose(text) { texts.append(paragraph.inList ? "\u{0}" + prose : prose) }
        }
        let chosen = texts.first { !$0.hasPrefix("\u{0}") } ?? texts.first.map { String($0.drop { $0 == "\u{0}" }) } ?? ""
        return shorten(chosen.split(whereSeparator: \.isNewline).joined(separator: " "), to: length)
    }

    /// The summary of one paragraph of text (kept for callers with a single paragraph).
    public static func make(from paragraph: String, length: Int) -> String {
        make(from: [LeadParagraph(text: paragraph, firstLine: paragraph, inList: false)], length: length)
    }

    /// The paragraph if it is prose; nil for a bare URL or a section number and title.
    static func prose(_ text: String) -> String? {
        guard !text.isEmpty, !isBareURL(text) else { return nil }
        // A number and a few words with no sentence is a section title, not prose.
        if SectionNumber.parse(text) != nil, !text.contains(where: { sentenceEnds.contains($0) }) { return nil }
        return text
    }

    static func isBareURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") else { return false }
        return !text.contains(where: \.isWhitespace)
    }

    /// A short line that names a writer, translator or source.
    static func isCredit(_ line: String) -> Bool {
        guard line.count <= 40, !line.contains(where: { sentenceEnds.contains($0) }) else { return false }
        let lower = line.lowercased()
        let markers = ["作者", "文", "撰文", "譯者", "翻譯", "編譯", "来源", "來源", "出處", "原文", "轉載", "转载", "轉自",
                       "摘自", "整理", "編輯", "编辑", "圖", "图", "譯", "译", "撰稿", "author", "source", "by", "written by"]
        for marker in markers where lower.hasPrefix(marker) {
            let rest = lower.dropFirst(marker.count)
            guard let next = rest.first else { continue }
            if "：:／/|｜".contains(next) || (next == " " && marker.allSatisfy(\.isASCII)) { return true }
        }
        return ["譯", "著", "撰", "整理", "編譯", "转载", "轉載"].contains { lower.hasSuffix($0) } && line.count <= 20
    }

    /// Cut at the last sentence end within the length, or at the length with an ellipsis.
    static func shorten(_ text: String, to length: Int) -> String {
        guard text.count > length else { return text }
        let cut = text.prefix(length)
        if let end = cut.lastIndex(where: { sentenceEnds.contains($0) }), cut.distance(from: cut.startIndex, to: end) >= length / 4 {
            return String(cut[...end])
        }
        return cut.trimmed + "…"
    }
}
