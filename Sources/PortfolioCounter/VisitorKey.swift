import Crypto
import Foundation

/// Who a view came from, without keeping who it was: a keyed hash (HMAC-SHA-256) of the
/// client's address and User-Agent under the day's random salt. The salt is deleted when
/// the day ends, after which no key can be linked to an address again. Nothing here is
/// stored but the key.
public enum VisitorKey {
    /// The key for a client on the day of `salt`: 32 hex digits.
    public static func make(address: String, userAgent: String, salt: [UInt8]) -> String {
        let key = SymmetricKey(data: salt)
        var message = Array(address.utf8)
        message.append(0)
        message.append(contentsOf: userAgent.utf8)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: key)
        return code.prefix(16).map { byte in
            let hex = Array("0123456789abcdef".utf8)
            return String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self)
        }.joined()
    }
}
