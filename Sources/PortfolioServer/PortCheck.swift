import Foundation
import PortfolioCore

/// Tells early whether the server could listen where asked, so a taken port is reported
/// before a large site's first build rather than after it.
enum PortCheck {
    /// Throws when no socket can be bound to `host:port`.
    static func check(host: String, port: Int) throws(PortfolioError) {
        var hints = addrinfo()
        #if os(Linux)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_PASSIVE
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else {
            throw PortfolioError(.usage, "cannot listen on \(host): no such address; check --host")
        }
        defer { freeaddrinfo(found) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            let reason = String(cString: strerror(errno))
            throw PortfolioError(.usage, "cannot listen on \(host):\(port): \(reason.lowercased()); choose another --port")
        }
    }
}
