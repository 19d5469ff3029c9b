/// The members of a map context: names to values.
///
/// A page's templates look names up thousands of times, in maps of a few dozen members at
/// most. A dictionary hashes the name with SipHash on every lookup; here each name has a
/// 32-bit FNV-1a fingerprint, worked out once when a member is set (and once per name
/// when templates are compiled), and a lookup compares fingerprints in a short array,
/// then the name once. Names are kept in the order they were first set; equality and
/// hashing ignore that order, as a dictionary's do.
public struct TemplateMap: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private var names: [String] = []
    private var values: [TemplateValue] = []
    private var prints: [UInt32] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        reserve(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    /// The members of a dictionary, set in name order so that the same dictionary always
    /// makes the same map.
    public init(_ dictionary: [String: TemplateValue]) {
        reserve(dictionary.count)
        for name in dictionary.keys.sorted() {
            names.append(name)
            values.append(dictionary[name]!)
            prints.append(Self.fingerprint(name))
        }
    }

    public var count: Int { names.count }
    public var isEmpty: Bool { names.isEmpty }

    /// A member's value; setting nil removes the member.
    public subscript(name: String) -> TemplateValue? {
        get { value(of: name, print: Self.fingerprint(name)) }
        set {
            let print = Self.fingerprint(name)
            if let i = index(of: name, print: print) {
                if let newValue {
                    values[i] = newValue
                } else {
                    names.remove(at: i)
                    values.remove(at: i)
                    prints.remove(at: i)
                }
            } else if let newValue {
                names.append(name)
                values.append(newValue)
                prints.append(print)
            }
        }
    }

    /// The value of `name`, whose fingerprint is `print`.
    @inline(__always)
    func value(of name: String, print: UInt32) -> TemplateValue? {
        index(of: name, print: print).map { values[$0] }
    }

    @inline(__always)
    private func index(of name: String, print: UInt32) -> Int? {
        prints.withUnsafeBufferPointer { prints in
            for i in prints.indices where prints[i] == print && names[i] == name { return i }
            return nil
        }
    }

    private mutating func reserve(_ count: Int) {
        names.reserveCapacity(count)
        values.reserveCapacity(count)
        prints.reserveCapacity(count)
    }

    /// FNV-1a over the name's UTF-8.
    static func fingerprint(_ name: String) -> UInt32 {
        var hash: UInt32 = 0x811C9DC5
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 0x01000193 }
        return hash
    }

    public static func == (a: TemplateMap, b: TemplateMap) -> Bool {
        guard a.count == b.count else { return false }
        for i in a.names.indices where b.value(of: a.names[i], print: a.prints[i]) != a.values[i] { return false }
        return true
    }

    /// Order-independent: the members' hashes are summed.
    public func hash(into hasher: inout Hasher) {
        var sum = 0
        for i in names.indices {
            var member = Hasher()
            member.combine(names[i])
            member.combine(values[i])
            sum &+= member.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}
