import Foundation
// The debug build (the only one scripts/fuzz makes) can reach the front matter scanner
// itself, which takes bytes; a release build of the replayer leaves that step out.
#if DEBUG
@testable import PortfolioContent
#else
import PortfolioContent
#endif
import PortfolioCore
import PortfolioImport

/// One fuzz input through one of the parsers that read a user's files. The first byte
/// picks the parser (even: articles, odd: eportfolio pages); the rest is the file.
/// Errors are the expected answer to bad input; a crash or a hang is what the fuzzer
/// looks for, and so is a broken promise between two readers (see `FuzzChecks`).
enum FuzzInput {
    enum Target: String { case article, `import` }

    static let loader = ArticleLoader(config: SiteConfig())

    /// The parser a first byte picks.
    static func target(_ first: UInt8) -> Target { first & 1 == 0 ? .article : .import }

    /// With `PORTFOLIO_FUZZ_TARGET=article` or `=import` (set by scripts/fuzz), inputs for
    /// the other parser are refused, so that each run and its coverage stay on one parser
    /// and every saved input still replays on its own.
    static let only: Target? = ProcessInfo.processInfo.environment["PORTFOLIO_FUZZ_TARGET"].flatMap(Target.init(rawValue:))

    /// Runs one input; false when it is for the other parser than `only`.
    @discardableResult
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return true }
        let target = target(first)
        if let only, only != target { return false }
        let body = UnsafeBufferPointer(rebasing: bytes.dropFirst())
        let text = String(decoding: body, as: UTF8.self)
        switch target {
        case .article:
            #if DEBUG
            // The fast scanner on the raw bytes, not all of them valid UTF-8.
            var scanner = FrontMatterScanner(bytes: body, fields: FrontMatterFields(path: "fuzz.md", firstLine: 2))
            _ = scanner.run()
            FuzzChecks.scannerMatchesYams(text)
            #endif
            // Front matter split, the fast scanner, the Yams fallback, typed reading, Markdown.
            _ = try? loader.load(text: text, path: "fuzz.md")
        case .import:
            // The old blog platform's saved pages, as `portfolio import eportfolio` reads them:
            // the bytes (strict UTF-8), then the text, and every post written and read back.
            _ = try? EportfolioParser.parse(data: Data(buffer: body), path: "fuzz.txt")
            if let page = try? EportfolioParser.parse(text: text, path: "fuzz.txt") {
                FuzzChecks.importedPostsLoad(page)
            }
        }
        return true
    }
}

#if FUZZING
/// libFuzzer's entry point (the program is built with `--sanitize=fuzzer` by scripts/fuzz).
/// Returns -1 for an input meant for the other parser, so that libFuzzer does not keep it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzInput.run(UnsafeBufferPointer(start: data, count: size)) ? 0 : -1
}
#else
/// Without fuzzing, the program replays inputs: `portfolio-fuzz FILE…` runs each file
/// through `FuzzInput.run`, so a crash the fuzzer found can be reproduced and debugged.
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): cannot read\n".utf8))
                exit(2)
            }
            let target = data.first.map { FuzzInput.target($0).rawValue } ?? "nothing"
            let ran = [UInt8](data).withUnsafeBufferPointer { FuzzInput.run($0) }
            print("\(path): " + (ran ? "ok (\(target))" : "skipped (\(target), not PORTFOLIO_FUZZ_TARGET)"))
        }
    }
}
#endif
