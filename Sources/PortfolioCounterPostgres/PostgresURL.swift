import Foundation
import NIOSSL
import PortfolioCore
import PostgresNIO

/// Reads a `postgres://user:password@host:port/database?sslmode=…` URL.
enum PostgresURL {
    static func configuration(_ url: String) throws(PortfolioError) -> PostgresClient.Configuration {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
              let host = parts.host, !host.isEmpty, let user = parts.user, !user.isEmpty else {
            throw PortfolioError(.usage, "--postgres takes a URL like postgres://user:password@127.0.0.1:5432/counts, not `\(redacted(url))`")
        }
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : nil
        let mode = parts.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        let tls: PostgresClient.Configuration.TLS
        switch mode {
        case "disable": tls = .disable
        case "require", "verify-full": tls = .require(.makeClientConfiguration())
        default: tls = .prefer(.makeClientConfiguration())
        }
        return PostgresClient.Configuration(host: host, port: parts.port ?? 5432, username: user, password: parts.password,
                                            database: database?.isEmpty == false ? database : nil, tls: tls)
    }

    /// The URL without its password, for messages.
    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "…"
        return parts.string ?? url
    }
}
