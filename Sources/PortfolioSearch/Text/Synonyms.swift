/// Synonym groups, normalised, and the expansion of a query segment into variants.
///
/// Expansion happens at query time (the manifest carries the groups): `行銷策略` becomes
/// `行销策略 | 营销策略`. The index stays one plain pair index, and fragments that straddle
/// a synonym (`路整` in `全通路整合`) still match the text as written.
struct SynonymGroups {
    /// Normalised members, each group sorted and free of duplicates.
    let groups: [[String]]
    private let members: [[UInt32]: [Int]]
    private let maxLength: Int

    /// At most this many variants of one query segment.
    static let maxVariants = 8

    init(normalizing raw: [[String]]) {
        var normalizer = Normalizer()
        var out: [[String]] = []
        for group in raw {
            var seen = Set<String>()
            var members: [String] = []
            for m in group {
                let n = normalizer.normalize(m).trimmingWhitespace
                if !n.isEmpty, seen.insert(n).inserted { members.append(n) }
            }
            if members.count > 1 { out.append(members.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }) }
        }
        self.init(normalized: out)
    }

    /// Groups already normalised (as read from the manifest).
    init(normalized groups: [[String]]) {
        self.groups = groups
        var members: [[UInt32]: [Int]] = [:]
        var maxLength = 0
        for (g, group) in groups.enumerated() {
            for m in group {
                let scalars = m.unicodeScalars.map(\.value)
                members[scalars, default: []].append(g)
                maxLength = max(maxLength, scalars.count)
            }
        }
        self.members = members
        self.maxLength = maxLength
    }

    /// Variants of a normalised segment: the segment itself first, then the others, at most
    /// `maxVariants`. At each position the longest member that matches is replaced by each
    /// member of its group(s); a member that starts or ends with a letter or digit only
    /// matches at word boundaries.
    func variants(of segment: [UInt32]) -> [[UInt32]] {
        guard !groups.isEmpty else { return [segment] }
        var pieces: [[[UInt32]]] = []
        var literal: [UInt32] = []
        var i = 0
        let n = segment.count
        while i < n {
            var matched: [UInt32]? = nil
            var length = min(maxLength, n - i)
            while length > 0 {
                let candidate = Array(segment[i..<(i + length)])
                if members[candidate] != nil, boundaryOK(segment, i, i + length) {
                    matched = candidate
                    break
                }
                length -= 1
            }
            if let m = matched {
                if !literal.isEmpty { pieces.append([literal]); literal = [] }
                var alternatives: [[UInt32]] = [m]
                for g in members[m]! {
                    for other in groups[g] {
                        let s = other.unicodeScalars.map(\.value)
                        if !alternatives.contains(s) { alternatives.append(s) }
                    }
                }
                pieces.append(alternatives)
                i += m.count
            } else {
                literal.append(segment[i])
                i += 1
            }
        }
        if !literal.isEmpty { pieces.append([literal]) }
        var result: [[UInt32]] = [[]]
        for piece in pieces {
            var next: [[UInt32]] = []
            outer: for prefix in result {
                for alternative in piece {
                    next.append(prefix + alternative)
                    if next.count >= SynonymGroups.maxVariants { break outer }
                }
            }
            result = next
        }
        return result
    }

    private func boundaryOK(_ s: [UInt32], _ start: Int, _ end: Int) -> Bool {
        if Normalizer.charClass(s[start]) == .word, start > 0, Normalizer.charClass(s[start - 1]) == .word { return false }
        if Normalizer.charClass(s[end - 1]) == .word, end < s.count, Normalizer.charClass(s[end]) == .word { return false }
        return true
    }
}

extension String {
    var trimmingWhitespace: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !DocumentFile.isWhitespace(first.value) && !DocumentFile.isWhitespace(last.value) { return self }
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, f.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
