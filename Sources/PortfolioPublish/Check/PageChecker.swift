import Foundation

/// What one page gave the check, before the checks across pages.
struct PageResult: Sendable {
    var file: Int32
    var problems: [CheckProblem] = []
    var anchors: Set<String> = []
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
    private var known: [String: (target: Int32?, problem: String?, external: String?)] = [:]
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
        result.anchors = Set(scan.anchors)
        result.isRedirect = scan.redirectAt != nil
        result.redirectAt = scan.redirectAt
        result.referenceCount = scan.references.count
        var linked = Set<Int32>()
        var lines = LineCounter()
        for reference in scan.references {
            let key = reference.value.hasPrefix("/") || reference.value.contains(":") ? reference.value : path + "\u{0}" + reference.value
            var fragment: String?
            let resolved: (target: Int32?, problem: String?, external: String?)
            if reference.value.hasPrefix("#") {
                resolved = (file, nil, nil)
                fragment = SiteAddress.decode(reference.value.dropFirst())
            } else {
                switch checker.address.resolve(reference.value, fromPage: path) {
                case .skip: resolved = (nil, nil, nil)
                case .external(let url): resolved = (nil, nil, url)
                case .outside(let written): resolved = (nil, "\(reference.kind.missing): \(written) is outside the site", nil)
                case .local(let target, let hash):
                    fragment = hash
                    if let cached = known[key] { resolved = cached } else {
                        let found = files.file(for: target)
                        resolved = (found, found == nil ? "\(reference.kind.missing): \(reference.value) (no file /\(target))" : nil, nil)
                        known[key] = resolved
                    }
                }
            }
            if let problem = resolved.problem {
                let line = buffer.withUnsafeBufferPointer { lines.line(of: reference.offset, in: $0) }
                result.problems.append(CheckProblem(.error, path, line: line, problem))
            }
            if let url = resolved.external {
                result.external.append((url, buffer.withUnsafeBufferPointer { lines.line(of: reference.offset, in: $0) }))
            }
            guard let target = resolved.target else { continue }
            if reference.kind == .link, target != file { linked.insert(target) }
            if let fragment, !fragment.isEmpty, LinkChecker.isHTML(files.paths[Int(target)]) {
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
