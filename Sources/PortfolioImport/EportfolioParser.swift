import Foundation
import PortfolioCore

/// Reads pages saved from the "知識社群ePortfolio" blog platform.
///
/// Layout: a banner line, the breadcrumb `位置: AUTHOR > CATEGORY`, then posts, each
/// starting with a header line `by AUTHOR YYYY-MM-DD HH:MM:SS, 回應(N), 人氣(N)`, then the
/// title and the body up to the next header line. Parsing is pure: text in, values out.
public enum EportfolioParser {
    /// The platform's clock: Taiwan time, UTC+8, no daylight saving.
    public static let platformTimeZone = TimeZone(secondsFromGMT: 8 * 3600)!

    /// Parses the bytes of a saved page; bytes that are not UTF-8 are an error at their line.
    public static func parse(data: Data, path: String, timeZone: TimeZone = platformTimeZone) throws(PortfolioErrors) -> EportfolioPage {
        let text: String
        do { text = try TextLines.decode(data, path: path) } catch { throw PortfolioErrors([error]) }
        return try parse(text: text, path: path, timeZone: timeZone)
    }

    /// Parses the text of a saved page (LF, CRLF or CR line ends).
    ///
    /// A page without header lines, or with a header line that does not read (bad date,
    /// bad counts), is an error naming the file and line; every such line is reported.
    public static func parse(text: String, path: String, timeZone: TimeZone = platformTimeZone) throws(PortfolioErrors) -> EportfolioPage {
        let lines = TextLines.split(text)
        let starts = lines.indices.filter { EportfolioHeader.isHeader(lines[$0]) }
        guard let first = starts.first else {
            throw PortfolioErrors([PortfolioError(
                .importer,
                "no post header lines (`by AUTHOR YYYY-MM-DD HH:MM:SS, 回應(N), 人氣(N)`): is this a page saved from ePortfolio?",
                at: SourceLocation(path: path, line: 1))])
        }
        let headers = try readHeaders(lines, at: starts, path: path, dates: DateParser(timeZone: timeZone))
        let breadcrumb = lines[..<first].lazy.compactMap(EportfolioBreadcrumb.parse).first
        var posts: [EportfolioPost] = []
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] : lines.count
            let body = EportfolioBody(lines: Array(lines[(start + 1)..<end]))
            posts.append(EportfolioPost(header: headers[number], body: body, category: breadcrumb?.category, line: start + 1))
        }
        return EportfolioPage(path: path, breadcrumb: breadcrumb, posts: posts)
    }

    /// Reads every header line, collecting all errors before failing.
    static func readHeaders(_ lines: [String], at starts: [Int], path: String, dates: DateParser) throws(PortfolioErrors) -> [EportfolioHeader] {
        var headers: [EportfolioHeader] = []
        var errors: [PortfolioError] = []
        for start in starts {
            do {
                headers.append(try EportfolioHeader.parse(lines[start], at: SourceLocation(path: path, line: start + 1), dates: dates))
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw PortfolioErrors(errors) }
        return headers
    }
}
