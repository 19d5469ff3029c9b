/// A ready nginx server block: precompressed files (`gzip_static`, and `brotli_static`
/// from Debian's libnginx-mod-http-brotli-static), the security and cache headers, the
/// 404 page and a `return 301` for each alias.
struct NginxConfig {
    let rules: HostRules

    var text: String {
        var lines = [
            "# nginx server block made by portfolio publish. `root` is the folder it was published",
            "# into; change it (and `listen`) where the files are served from elsewhere.",
            "# brotli_static needs the brotli static module (Debian: libnginx-mod-http-brotli-static).",
            "server {",
            "    listen 80;",
            "    listen [::]:80;",
            "    server_name \(Self.quoted(rules.serverName));",
            "    root \(Self.quoted(rules.outputFolder));",
            "    index index.html;",
            "    charset utf-8;",
            "    charset_types text/css application/javascript application/json application/xml text/xml text/plain image/svg+xml;",
            "    gzip_static on;",
            "    brotli_static on;",
            "    gzip_vary on;",
            "    error_page 404 \(Self.quoted(rules.root + "404.html"));",
        ]
        lines += headerLines(cache: SecurityHeaders.revalidate, indent: "    ")
        for file in ["nginx.conf", "Caddyfile", "_headers", "_redirects"] {
            lines.append("    location = \(Self.quoted(rules.root + file)) { return 404; }")
        }
        for asset in rules.hashedAssets {
            lines.append("    location = \(Self.quoted(asset)) {")
            // add_header in a location replaces the server's, so every header is repeated.
            lines += headerLines(cache: SecurityHeaders.immutable, indent: "        ")
            lines.append("    }")
        }
        for redirect in rules.redirects where HostRules.isWritable(redirect.decoded) {
            lines.append("    location = \(Self.quoted(redirect.decoded)) { return 301 \(Self.quoted(redirect.target)); }")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private func headerLines(cache: String, indent: String) -> [String] {
        rules.headers.headers.map { "\(indent)add_header \($0.name) \(Self.quoted($0.value)) always;" }
            + ["\(indent)add_header Cache-Control \(Self.quoted(cache)) always;"]
    }

    /// A double-quoted nginx string: backslashes and quotes escaped. A `$` in a target
    /// would start a variable; targets are percent-encoded, so they have none.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
