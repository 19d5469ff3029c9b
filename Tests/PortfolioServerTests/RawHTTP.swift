import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 exchange over a plain socket, for what test clients cannot send: any
/// `Host` header and any request target, byte for byte.
struct RawHTTP {
    struct Response {
        var status: Int
        /// Header names lower-cased.
        var headers: [String: String]
        var body: String
    }

    enum Failure: Error {
        case socket(Int32)
        case malformed(String)
    }

    /// Sends `GET target` (or another method) with exactly the `Host` and other headers given.
    /// The socket blocks on a thread of its own, never on one the server's tasks need.
    static func send(port: Int, method: String = "GET", target: String, host: String?,
                     headers: [String: String] = [:]) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try sendBlocking(port: port, method: method, target: target, host: host, headers: headers) })
            }
        }
    }

    private static func sendBlocking(port: Int, method: String, target: String, host: String?, headers: [String: String]) throws -> Response {
        var lines = ["\(method) \(target) HTTP/1.1"]
        if let host { lines.append("Host: \(host)") }
        lines += headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        lines += ["Content-Length: 0", "Connection: close", "", ""]
        return try parse(exchange(port: port, Array(lines.joined(separator: "\r\n").utf8)))
    }

    private static func exchange(port: Int, _ request: [UInt8]) throws -> [UInt8] {
        let fd = try connectToLocalhost(port: port)
        defer { close(fd) }
        guard write(fd, request, request.count) == request.count else { throw Failure.socket(errno) }
        var received: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &chunk, chunk.count)
            guard count > 0 else { break }
            received += chunk[..<count]
        }
        return received
    }

    /// A socket connected to `localhost` (test servers listen there, on IPv4 or IPv6).
    private static func connectToLocalhost(port: Int) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo("localhost", String(port), &hints, &list) == 0 else { throw Failure.socket(errno) }
        defer { freeaddrinfo(list) }
        var next = list
        while let info = next {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            if fd >= 0, setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size)) == 0,
               connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return fd }
            if fd >= 0 { close(fd) }
            next = info.pointee.ai_next
        }
        throw Failure.socket(errno)
    }

    private static func parse(_ bytes: [UInt8]) throws -> Response {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure.malformed(text) }
        let head = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let parts = head[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw Failure.malformed(text) }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}
