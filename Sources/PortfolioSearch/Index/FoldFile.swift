/// `fold.json`: one JSON string of character pairs, source then target, for every
/// character whose fold lands on a character the index (or a synonym) can match.
enum FoldFile {
    static func bytes(indexed: Set<UInt32>, synonyms: [[String]]) -> [UInt8] {
        var targets = indexed
        for group in synonyms { for m in group { for s in m.unicodeScalars { targets.insert(s.value) } } }
        var view = String.UnicodeScalarView()
        for (from, to) in HanFold.changes where targets.contains(to) || from < 0x3400 {
            guard let a = Unicode.Scalar(from), let b = Unicode.Scalar(to) else { continue }
            view.append(a)
            view.append(b)
        }
        return JSONValue.string(String(view)).bytes
    }
}
