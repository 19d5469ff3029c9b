import GRDB

/// Keeps SQLite's WAL checkpoints off the commit path. A checkpoint copies committed pages
/// from the WAL into the database file and flushes that file; run by the committing
/// connection (SQLite's default), it stalls the batch of views that happened to trigger
/// it, and those views wait for it. Here the writer never checkpoints: every `interval`
/// commits a connection of its own checkpoints in the background, in PASSIVE mode, which
/// never blocks the writer. Under load that never pauses, the WAL cannot start over while
/// commits keep arriving, so when it has grown past `largestLog` pages the checkpoint
/// waits for the writer once (RESTART), letting the WAL start again from its beginning.
actor Checkpointer {
    private let connection: DatabaseQueue
    private let interval: Int
    private let largestLog: Int
    private var commits = 0
    private var running = false

    init(file: String, interval: Int = 64, largestLog: Int = 16_384) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        connection = try DatabaseQueue(path: file, configuration: configuration)
        self.interval = interval
        self.largestLog = largestLog
    }

    /// Notes one commit, and starts a checkpoint when enough have passed and none runs.
    func committed() {
        commits += 1
        guard commits >= interval, !running else { return }
        commits = 0
        running = true
        Task { await checkpoint() }
    }

    /// Copies the WAL into the database file (everything, when the store closes).
    func checkpoint(final: Bool = false) async {
        defer { running = false }
        do {
            let log = try await run(final ? "TRUNCATE" : "PASSIVE")
            if !final, log > largestLog { _ = try await run("RESTART") }
        } catch {
            // A checkpoint that fails is retried by the next one; the WAL keeps every commit.
        }
    }

    /// Runs one checkpoint and returns the WAL's length in pages.
    private func run(_ mode: String) async throws -> Int {
        try await connection.writeWithoutTransaction { db in
            try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(\(mode))").map { row in row[1] as Int } ?? 0
        }
    }

    func close() throws {
        try connection.close()
    }
}
