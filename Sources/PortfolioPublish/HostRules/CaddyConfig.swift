/// A ready Caddyfile: the folder served with its precompressed files
/// (`file_server { precompressed br gzip }`), the headers, the 404 page and a permanent
/// redirect for each alias.
struct CaddyConfig {
    let rules: HostRules

    var text: String {
        var lines = [
            "# Caddyfile made by portfolio publish. `root` is the folder it was published into.",
            "\(rules.serverName) {",
            "    root * \(Self.quoted(rules.outputFolder))",
            "    header {",
        ]
        lines += rules.headers.headers.map { "        \($0.name) \(Self.quoted($0.value))" }
        lines.append("    }")
        if rules.hashedAssets.isEmpty {
            lines.append("    header Cache-Control \(Self.quoted(SecurityHeaders.revalidate))")
        } else {
            let paths = rules.hashedAssets.map(Self.quoted).joined(separator: " ")
            lines.append("    @hashed path \(paths)")
            lines.append("    header @hashed Cache-Control \(Self.quoted(SecurityHeaders.immutable))")
            lines.append("    @other not path \(paths)")
            lines.append("    header @other Cache-Control \(Self.quoted(SecurityHeaders.revalidate))")
        }
        for file in ["nginx.conf", "Caddyfile", "_headers", "_redirects"] {
            lines.append("    respond \(Self.quoted(rules.root + file)) 404")
        }
        for redirect in rules.redirects where HostRules.isWritable(redirect.decoded) {
            lines.append("    redir \(Self.quoted(redirect.decoded)) \(Self.quoted(redirect.target)) permanent")
        }
        lines += [
            "    file_server {",
            "        precompressed br gzip",
            "    }",
            "    handle_errors 404 {",
            "        rewrite * \(Self.quoted(rules.root + "404.html"))",
            "        file_server {",
            "            precompressed br gzip",
            "        }",
            "    }",
            "}",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A double-quoted Caddyfile token, with backslashes and quotes escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
