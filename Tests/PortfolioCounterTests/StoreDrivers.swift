import Foundation
import PortfolioCounter
import PortfolioCounterPostgres
import PortfolioCounterSQLite

/// The stores every store test runs against. PostgreSQL joins when
/// `PORTFOLIO_TEST_POSTGRES` names a server (scripts/test starts one with
/// scripts/with-postgres); each test gets a database of its own there.
enum StoreDriver: String, CaseIterable, CustomStringConvertible, Sendable {
    case memory, sqlite, postgres

    static let postgresURL = ProcessInfo.processInfo.environment["PORTFOLIO_TEST_POSTGRES"]

    /// The drivers this run can test.
    static var available: [StoreDriver] {
        allCases.filter { $0 != .postgres || postgresURL != nil }
    }

    var description: String { rawValue }

    /// A new, empty store; `reopen` opens the same one again (nil for memory).
    func make() async throws -> (store: any CounterStore, reopen: (@Sendable () async throws -> any CounterStore)?) {
        switch self {
        case .memory:
            return (InMemoryCounterStore(), nil)
        case .sqlite:
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("counts-\(UUID().uuidString).sqlite")
            return (try SQLiteCounterStore(file: file), { try SQLiteCounterStore(file: file) })
        case .postgres:
            let url = try await Self.freshDatabase()
            return (try await PostgresCounterStore.open(url: url), { try await PostgresCounterStore.open(url: url) })
        }
    }

    /// A new database on the test server, so tests do not see each other's rows.
    static func freshDatabase() async throws -> String {
        guard let base = postgresURL, var parts = URLComponents(string: base) else { throw CancellationError() }
        let name = "t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        psql.arguments = ["psql", base, "-q", "-c", "CREATE DATABASE \(name)"]
        try psql.run()
        psql.waitUntilExit()
        guard psql.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        parts.path = "/" + name
        return parts.string!
    }
}
