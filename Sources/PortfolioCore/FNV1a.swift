/// The 32-bit FNV-1a hash of bytes: a few instructions a byte, and the same in every run
/// (Swift's own `Hasher` is seeded per process, and SipHash costs more for short keys).
/// Used where short keys are hashed many times: search terms, template names.
public enum FNV1a {
    @inlinable
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var hash: UInt32 = 0x811C9DC5
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x01000193 }
        return hash
    }
}
