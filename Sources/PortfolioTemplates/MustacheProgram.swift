/// Templates compiled to one flat list of operations, which the renderer steps through.
///
/// An operation holds only numbers (indexes into `texts`, the name paths and the list itself),
/// so stepping through a page's thousands of them copies and counts no references, and
/// a partial is found by number rather than by hashing its name each time it is shown.
struct MustacheProgram: Sendable {
    enum Op: Sendable {
        case text(Int32)
        case variable(path: Int32, escaped: Bool)
        /// The section's operations follow it, up to `end`.
        case section(path: Int32, end: Int32, inverted: Bool)
        /// A template by number; -1 for one that does not exist.
        case partial(Int32)
    }

    private(set) var ops: [Op] = []
    private(set) var texts: [String] = []
    /// Per name path: its first name, and the names after it (most paths have none).
    private(set) var firstNames: [String] = []
    private(set) var restNames: [[(name: String, print: UInt32)]] = []
    /// Per name path: the fingerprint of its first name (see `TemplateMap`).
    private(set) var firstPrints: [UInt32] = []
    /// Per name path: whether it is `.`, the current context.
    private(set) var isDot: [Bool] = []
    /// Per template number: its operations.
    private(set) var ranges: [Range<Int>] = []
    /// Template numbers by name.
    private(set) var numbers: [String: Int] = [:]

    init(_ templates: [String: [MustacheNode]]) {
        // Numbered in name order, so the same templates always compile the same way.
        for (number, name) in templates.keys.sorted().enumerated() { numbers[name] = number }
        for name in templates.keys.sorted() {
            let start = ops.count
            compile(templates[name]!)
            ranges.append(start..<ops.count)
        }
    }

    private mutating func compile(_ nodes: [MustacheNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                texts.append(text)
                ops.append(.text(Int32(texts.count - 1)))
            case let .variable(path, escaped):
                ops.append(.variable(path: add(path), escaped: escaped))
            case let .section(path, children, inverted):
                let at = ops.count, pathIndex = add(path)
                ops.append(.section(path: pathIndex, end: 0, inverted: inverted))
                compile(children)
                ops[at] = .section(path: pathIndex, end: Int32(ops.count), inverted: inverted)
            case .partial(let name):
                ops.append(.partial(Int32(numbers[name] ?? -1)))
            }
        }
    }

    private mutating func add(_ path: [String]) -> Int32 {
        firstNames.append(path.first ?? "")
        firstPrints.append(TemplateMap.fingerprint(path.first ?? ""))
        isDot.append(path == ["."])
        restNames.append(path.dropFirst().map { ($0, TemplateMap.fingerprint($0)) })
        return Int32(firstNames.count - 1)
    }
}
