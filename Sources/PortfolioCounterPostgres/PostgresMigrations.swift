import Logging
import PostgresNIO

/// The PostgreSQL schema as numbered migrations, applied in order under an advisory lock
/// so that instances starting together do not race. Migrations are only ever added.
enum PostgresMigrations {
    static let lock = 0x706F_7274  // any constant the instances share
    static let all: [(version: Int, statements: [String])] = [
        (1, [
            "CREATE TABLE counts (id TEXT PRIMARY KEY, views BIGINT NOT NULL DEFAULT 0, imported BIGINT)",
            "CREATE TABLE daily (day BIGINT NOT NULL, id TEXT NOT NULL, views BIGINT NOT NULL, PRIMARY KEY (day, id))",
            "CREATE TABLE visitors (visitor TEXT NOT NULL, id TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (visitor, id))",
            "CREATE INDEX visitors_at ON visitors (at)",
            "CREATE TABLE salts (day BIGINT PRIMARY KEY, salt TEXT NOT NULL)",
        ]),
    ]

    /// Runs in the caller's transaction.
    static func apply(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(lock))", logger: logger)
        try await connection.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)", logger: logger)
        let current = try await version(connection, logger: logger)
        for migration in all where migration.version > current {
            for statement in migration.statements { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
            try await connection.query("INSERT INTO schema_migrations (version) VALUES (\(migration.version))", logger: logger)
        }
    }

    static func version(_ connection: PostgresConnection, logger: Logger) async throws -> Int {
        let rows = try await connection.query("SELECT COALESCE(MAX(version), 0)::bigint FROM schema_migrations", logger: logger)
        var version = 0
        for try await value in rows.decode(Int.self) { version = value }
        return version
    }
}
