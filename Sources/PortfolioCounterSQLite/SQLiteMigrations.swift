import GRDB

/// The SQLite schema as numbered migrations. A database records the ones applied in
/// `schema_migrations`; opening it applies the rest, in order, in one transaction.
/// Migrations are only ever added, never edited.
enum SQLiteMigrations {
    static let all: [(version: Int, statements: [String])] = [
        (1, [
            "CREATE TABLE counts (id TEXT PRIMARY KEY, views INTEGER NOT NULL DEFAULT 0, imported INTEGER) WITHOUT ROWID",
            "CREATE TABLE daily (day INTEGER NOT NULL, id TEXT NOT NULL, views INTEGER NOT NULL, PRIMARY KEY (day, id)) WITHOUT ROWID",
            "CREATE TABLE visitors (visitor TEXT NOT NULL, id TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (visitor, id)) WITHOUT ROWID",
            "CREATE INDEX visitors_at ON visitors (at)",
            "CREATE TABLE salts (day INTEGER PRIMARY KEY, salt BLOB NOT NULL)",
        ]),
    ]

    static func apply(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)")
        let current = try version(db)
        for migration in all where migration.version > current {
            for statement in migration.statements { try db.execute(sql: statement) }
            try db.execute(sql: "INSERT INTO schema_migrations (version) VALUES (?)", arguments: [migration.version])
        }
    }

    static func version(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(version), 0) FROM schema_migrations") ?? 0
    }
}
