import Foundation

/// A small HTTP/1.1 server on 127.0.0.1 for the external-link tests: `/ok` answers 200,
/// `/gone` 404, `/nohead` 405 to HEAD and 200 to GET, `/slow` waits two seconds, and
/// every request is counted, with the most it ever had open at once.
final class LocalHTTPServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var open = 0
    private(set) var mostOpen = 0

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, size) } }
        guard bound == 0, listen(listener, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
        withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(listener, $0, &size) } }
        let port = UInt16(bigEndian: address.sin_port)
        self.port = port
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    func count(_ request: String) -> Int { lock.withLock { counts[request] ?? 0 } }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            Thread { [self] in answer(client) }.start()
        }
    }

    private func answer(_ client: Int32) {
        lock.withLock { open += 1; mostOpen = max(mostOpen, open) }
        defer { lock.withLock { open -= 1 }; close(client) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(client, &buffer, buffer.count)
        guard n > 0 else { return }
        let line = String(decoding: buffer[0..<n], as: UTF8.self).split(separator: "\r\n").first ?? ""
        let parts = line.split(separator: " ")
        guard parts.count >= 2 else { return }
        let method = String(parts[0]), path = String(parts[1])
        lock.withLock { counts["\(method) \(path)", default: 0] += 1 }
        var status = "200 OK"
        switch path {
        case "/gone": status = "404 Not Found"
        case "/nohead" where method == "HEAD": status = "405 Method Not Allowed"
        case "/slow": Thread.sleep(forTimeInterval: 2)
        default: Thread.sleep(forTimeInterval: 0.05)
        }
        let reply = "HTTP/1.1 \(status)\r\nContent-Length: 2\r\nConnection: close\r\n\r\n" + (method == "HEAD" ? "" : "ok")
        _ = reply.withCString { write(client, $0, strlen($0)) }
    }
}
