import PortfolioCore

/// The members of a map context: names to values.
///
/// A page's templates look names up thousands of times, in maps of a few dozen members at
/// most. A dictionary hashes the name with SipHash on every lookup; here each name has a
/// 32-bit FNV-1a fingerprint, worked out once when a member is set (and once per name
/// when templates are compiled), and a lookup steps through the members comparing
/// fingerprints, then compares the name once. Members are kept in the order they were
/// first set; equality and hashing ignore that order, as a dictionary's do.
public struct TemplateMap: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// One member; the fingerprint comes first, as a lookup reads it most.
    struct Member: Sendable {
        var print: UInt32
        var name: String
        var value: TemplateValue
    }

    // One array, so that copying a map (a card shown in a list, say) is one retain.
    private var members: [Member] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        members.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    /// The members of a dictionary, set in name order so that the same dictionary always
    /// makes the same map.
    public init(_ dictionary: [String: TemplateValue]) {
        members = dictionary.keys.sorted().map { Member(print: Self.fingerprint($0), name: $0, value: dictionary[$0]!) }
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    /// A member's value; setting nil removes the member.
    public subscript(name: String) -> TemplateValue? {
        get { value(of: name, print: Self.fingerprint(name)) }
        set {
            let print = Self.fingerprint(name)
            if let i = index(of: name, print: print) {
                if let newValue { members[i].value = newValue } else { members.remove(at: i) }
            } else if let newValue {
                members.append(Member(print: print, name: name, value: newValue))
            }
        }
    }

    /// The value of `name`, whose fingerprint is `print`.
    @inline(__always)
    func value(of name: String, print: UInt32) -> TemplateValue? {
        index(of: name, print: print).map { members[$0].value }
    }

    @inline(__always)
    private func index(of name: String, print: UInt32) -> Int? {
        members.withUnsafeBufferPointer { members in
            members.indices.first { members[$0].print == print && members[$0].name == name }
        }
    }

    /// FNV-1a over the name's UTF-8.
    static func fingerprint(_ name: String) -> UInt32 {
        FNV1a.hash(name.utf8)
    }

    public static func == (a: TemplateMap, b: TemplateMap) -> Bool {
        a.count == b.count && a.members.allSatisfy { b.value(of: $0.name, print: $0.print) == $0.value }
    }

    /// Order-independent: the members' hashes are summed.
    public func hash(into hasher: inout Hasher) {
        var sum = 0
        for member in members {
            var one = Hasher()
            one.combine(member.name)
            one.combine(member.value)
            sum &+= one.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}
