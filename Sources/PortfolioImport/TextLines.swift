import Foundation
import PortfolioCore

/// Reading a saved page: the strict UTF-8 check and the split into lines (LF, CRLF or CR).
public enum TextLines {
    /// Decodes `data` as UTF-8, dropping a leading byte order mark.
    ///
    /// Invalid bytes are an error at the line that holds the first of them, so that a page
    /// saved in Big5 or another legacy encoding is named precisely.
    public static func decode(_ data: Data, path: String) throws(PortfolioError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let bad = firstInvalidByte(bytes)
        let hex = String(bad.byte, radix: 16, uppercase: true)
        throw PortfolioError(
            .importer,
            "not UTF-8 text: invalid byte 0x\(hex) at byte \(bad.column) of the line "
                + "(the page may be saved as Big5; save it again as UTF-8)",
            at: SourceLocation(path: path, line: bad.line))
    }

    /// The lines of `text`; `\r\n`, `\r` and `\n` all end a line. A final line break does
    /// not start an extra empty line.
    public static func split(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", afterCR {
                afterCR = false
                continue
            }
            afterCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// The 1-based line, 1-based byte column and value of the first byte that is not valid UTF-8.
    static func firstInvalidByte(_ bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8) {
        var line = 1
        var lineStart = 0
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 0x0A {
                    line += 1
                    lineStart = offset + 1
                }
                offset += encoded.count
            case .error(let length):
                _ = length
                return (line, offset - lineStart + 1, bytes[offset])
            case .emptyInput:
                return (line, offset - lineStart + 1, 0)
            }
        }
    }
}
