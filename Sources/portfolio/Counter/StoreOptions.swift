import ArgumentParser
import Foundation
import PortfolioCore
import PortfolioCounter
import PortfolioCounterPostgres
import PortfolioCounterSQLite

/// Where the counter's counts are: a SQLite file (the default) or a PostgreSQL server.
struct StoreOptions: ParsableArguments {
    @Option(help: "The SQLite database file of the counts.") var db = "counts.sqlite"
    @Option(help: "A PostgreSQL URL (postgres://user:password@host:5432/database) instead of --db.") var postgres: String?

    func validate() throws {
        if let postgres, !(postgres.hasPrefix("postgres://") || postgres.hasPrefix("postgresql://")) {
            throw ValidationError("--postgres takes a postgres:// URL")
        }
    }

    /// Opens the store, creating or migrating its schema.
    func open() async throws(PortfolioError) -> any CounterStore {
        if let postgres { return try await PostgresCounterStore.open(url: postgres) }
        return try SQLiteCounterStore(file: URL(fileURLWithPath: db))
    }

    var description: String {
        postgres.map { _ in "PostgreSQL" } ?? db
    }
}

/// Where the published site's counter manifest is.
struct ManifestOptions: ParsableArguments {
    @Option(help: "The published site folder; its counter.json lists the articles.") var site: String?
    @Option(help: "The counter manifest file itself, instead of --site.") var manifest: String?

    var file: URL? {
        if let manifest { return URL(fileURLWithPath: manifest) }
        return site.map { URL(fileURLWithPath: $0).appendingPathComponent(CounterManifest.fileName) }
    }
}

/// Runs `body` with an open store and closes it after; a `PortfolioError` is reported and
/// ends the command with status 1.
func withStore<T>(_ options: StoreOptions, _ body: (any CounterStore) async throws -> T) async throws -> T {
    let store: any CounterStore
    do { store = try await options.open() } catch {
        report([error])
        throw ExitCode(1)
    }
    do {
        let result = try await body(store)
        try await store.close()
        return result
    } catch {
        try? await store.close()
        if let error = error as? PortfolioError { report([error]); throw ExitCode(1) }
        if let errors = error as? PortfolioErrors { report(errors.errors); throw ExitCode(1) }
        throw error
    }
}
