import Foundation
import PortfolioContent
import PortfolioCore
import PortfolioImport

/// One fuzz input through one of the parsers that read a user's files. The first byte
/// picks the parser; the rest is the file. Errors are the expected answer to bad input;
/// a crash or a hang is what the fuzzer looks for.
enum FuzzInput {
    static let loader = ArticleLoader(config: SiteConfig())

    static func run(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let body = Array(bytes.dropFirst())
        if first & 1 == 0 {
            // Front matter split, the fast scanner, the Yams fallback, typed reading, Markdown.
            _ = try? loader.load(text: String(decoding: body, as: UTF8.self), path: "fuzz.md")
        } else {
            // The old blog platform's saved pages, as `portfolio import eportfolio` reads them.
            _ = try? EportfolioParser.parse(data: Data(body), path: "fuzz.txt")
        }
    }
}

#if FUZZING
/// libFuzzer's entry point (the program is built with `--sanitize=fuzzer` by scripts/fuzz).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzInput.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
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
            FuzzInput.run(Array(data))
            print("\(path): ok")
        }
    }
}
#endif
