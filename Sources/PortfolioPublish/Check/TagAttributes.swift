/// Tag and attribute names as numbers: up to seven lower-case bytes and the length, so
/// the scanner compares names without making strings.
enum TagName {
    static func pack(_ name: StaticString) -> UInt64 {
        var value = UInt64(min(name.utf8CodeUnitCount, 255)) << 56
        for k in 0..<min(7, name.utf8CodeUnitCount) { value |= UInt64(name.utf8Start[k]) << UInt64(8 * k) }
        return value
    }

    static let a = pack("a"), area = pack("area"), link = pack("link"), script = pack("script"), style = pack("style")
    static let img = pack("img"), source = pack("source"), video = pack("video"), audio = pack("audio")
    static let iframe = pack("iframe"), embed = pack("embed"), track = pack("track"), meta = pack("meta")
    static let id = pack("id"), name = pack("name"), href = pack("href"), src = pack("src"), srcset = pack("srcset")
    static let alt = pack("alt"), rel = pack("rel"), httpEquiv = pack("http-equiv"), content = pack("content"), poster = pack("poster")
}

/// The attributes of one start tag that the checker reads, and what they add to a scan.
struct TagAttributes {
    private var values: [(name: UInt64, value: String?, offset: Int)] = []

    static let wanted: [UInt64] = [TagName.id, TagName.name, TagName.href, TagName.src, TagName.srcset, TagName.alt,
                                   TagName.rel, TagName.httpEquiv, TagName.content, TagName.poster]

    static func isWanted(_ name: UInt64) -> Bool { wanted.contains(name) }

    mutating func reset() { values.removeAll(keepingCapacity: true) }

    mutating func set(_ name: UInt64, value: String?, at offset: Int) {
        if name == TagName.alt || Self.isWanted(name) { values.append((name, value, offset)) }
    }

    private func first(_ name: UInt64) -> (value: String?, offset: Int)? {
        values.first { $0.name == name }.map { ($0.value, $0.offset) }
    }

    /// Adds this tag's anchors, references and warnings to `scan`.
    func record(tag: UInt64, at tagOffset: Int, into scan: inout PageScan) {
        if let id = first(TagName.id)?.value, !id.isEmpty { scan.anchors.append(id) }
        if tag == TagName.a, let name = first(TagName.name)?.value, !name.isEmpty { scan.anchors.append(name) }
        func add(_ attribute: UInt64, _ kind: PageScan.Kind) {
            guard let found = first(attribute), let value = found.value else { return }
            if attribute == TagName.srcset {
                // `a.png 1x, b.png 2x`: the address is each candidate's first word.
                for candidate in value.split(separator: ",") {
                    if let url = candidate.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).first {
                        scan.references.append(.init(offset: found.offset, kind: kind, value: String(url)))
                    }
                }
            } else {
                scan.references.append(.init(offset: found.offset, kind: kind, value: value))
            }
        }
        switch tag {
        case TagName.a, TagName.area: add(TagName.href, .link)
        case TagName.link:
            let rel = (first(TagName.rel)?.value ?? "").lowercased().split(separator: " ")
            add(TagName.href, rel.contains("stylesheet") ? .stylesheet : .other)
        case TagName.script: add(TagName.src, .script)
        case TagName.img:
            add(TagName.src, .image)
            add(TagName.srcset, .image)
            if first(TagName.alt) == nil { scan.imagesWithoutAlt.append(tagOffset) }
        case TagName.source:
            add(TagName.src, .media)
            add(TagName.srcset, .image)
        case TagName.video:
            add(TagName.src, .media)
            add(TagName.poster, .image)
        case TagName.audio, TagName.track, TagName.embed, TagName.iframe: add(TagName.src, .media)
        case TagName.meta:
            guard first(TagName.httpEquiv)?.value?.lowercased() == "refresh", let content = first(TagName.content) else { return }
            scan.redirectAt = tagOffset
            // `0; url=/posts/x/`
            if let range = content.value?.range(of: "url=", options: .caseInsensitive) {
                var target = content.value![range.upperBound...].trimmingCharacters(in: .whitespaces)
                if let q = target.first, q == "'" || q == "\"" { target = String(target.dropFirst().dropLast(target.last == q ? 1 : 0)) }
                scan.references.append(.init(offset: content.offset, kind: .redirect, value: target))
            }
        default: return
        }
    }
}
