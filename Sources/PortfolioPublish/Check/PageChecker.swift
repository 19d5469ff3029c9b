import Foundation
import PortfolioCore

/// What one page gave the check, before the checks across pages.
struct PageResult: Sendable {
    var file: Int32
    var problems: [CheckProblem] = []
    var anchors: Set<UTF8Key> = []
    /// Files this page's links (`<a>`, `<area>`) point to, other than itself.
    var linked: [Int32] = []
    var fragments: [(target: Int32, fragment: String, offset: Int)] = []
    var isRedirect = false
    var redirectAt: Int?
    var external: [(url: String, line: Int)] = []
    var referenceCount = 0
}

/// Checks a run of pages on one thread, remembering how each address it has seen
/// resolved (a site's pages share most of their links).
struct PageChecker {
    let checker: LinkChecker
    let files: OutputFiles
    private var known: [String: Resolved] = [:]

    /// What an address came to: the file it names (and the fragment), what is wrong with
    /// it (the kind of reference is said where it is reported), or the external address.
    struct Resolved {
        var target: Int32?
        var problem: String?
        var external: String?
        var fragment: String?
    }
    private var buffer: [UInt8] = []

    init(checker: LinkChecker, files: OutputFiles) {
        self.checker = checker
        self.files = files
    }

    func check(_ pages: [Int]) -> [PageResult] {
        var me = self
        return pages.map { me.page(Int32($0)) }
    }

    private mutating func page(_ file: Int32) -> PageResult {
        let path = files.paths[Int(file)]
        var result = PageResult(file: file)
        guard let count = OutputFiles.read(checker.folder + "/" + path, into: &buffer) else {
            result.problems.append(CheckProblem(.error, path, line: 1, "cannot read this file"))
            return result
        }
        let scan = buffer.withUnsafeBufferPointer { HTMLScanner.scan(UnsafeBufferPointer(rebasing: $0[0..<count])) }
        result.anchors = Set(scan.anchors.map(UTF8Key.init))
        result.isRedirect = scan.redirectAt != nil
        result.redirectAt = scan.redirectAt
        result.referenceCount = scan.references.count
        var linked = Set<Int32>()
        var lines = LineCounter()
        for reference in scan.references {
            let resolved = resolve(reference, fromPage: path, file: file)
            if let problem = resolved.problem {
                let line = buffer.withUnsafeBufferPointer { lines.line(of: reference.offset, in: $0) }
                result.problems.append(CheckProblem(.error, path, line: line, "\(reference.kind.missing): \(problem)"))
            }
            if let url = resolved.external {
                result.external.append((url, buffer.withUnsafeBufferPointer { lines.line(of: reference.offset, in: $0) }))
            }
            guard let target = resolved.target else { continue }
            if reference.kind == .link, target != file { linked.insert(target) }
            if let fragment = resolved.fragment, !fragment.isEmpty, LinkChecker.isHTML(files.paths[Int(target)]) {
                result.fragments.append((target, fragment, reference.offset))
            }
        }
        for offset in scan.imagesWithoutAlt {
            let line = buffer.withUnsafeBufferPointer { lines.line(of: offset, in: $0) }
            result.problems.append(CheckProblem(.warning, path, line: line, "image without alt text"))
        }
        result.linked = Array(linked)
        return result
    }

    /// Resolves a reference, from what this thread remembers when it can: addresses that
    /// start with `/` or have a scheme mean the same on every page; a relative one is
    /// remembered with its page.
    private mutating func resolve(_ reference: PageScan.Reference, fromPage path: String, file: Int32) -> Resolved {
        let value = reference.value
        if value.utf8.first == UInt8(ascii: "#") { return Resolved(target: file, fragment: SiteAddress.decode(value.dropFirst())) }
        let absolute = value.utf8.first == UInt8(ascii: "/") || value.utf8.contains(UInt8(ascii: ":"))
        let key = absolute ? value : path + "\u{0}" + value
        if let cached = known[key] { return cached }
        let resolved: Resolved
        switch checker.address.resolve(value, fromPage: path) {
        case .skip: resolved = Resolved()
        case .external(let url): resolved = Resolved(external: url)
        case .outside(let written): resolved = Resolved(problem: "\(written) is outside the site")
        case .local(let target, let fragment):
            let found = files.file(for: target)
            resolved = Resolved(target: found, problem: found == nil ? "\(value) (no file /\(target))" : nil, fragment: fragment)
        }
        known[key] = resolved
        return resolved
    }
}

/// Line numbers of increasing offsets in one file, counted once.
struct LineCounter {
    private var offset = 0
    private var line = 1

    mutating func line(of target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if target < offset { offset = 0; line = 1 }
        var i = offset
        while i < target {
            if bytes[i] == UInt8(ascii: "\n") { line += 1 }
            i += 1
        }
        offset = target
        return line
    }
}
