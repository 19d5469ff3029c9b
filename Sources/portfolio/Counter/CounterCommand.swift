import ArgumentParser

/// `portfolio counter`: the view counter service a published site talks to, and the local
/// commands that look after its counts.
struct Counter: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the view counter service, and import, export and inspect its counts.",
        discussion: """
            Counts live in a SQLite file (--db, the default counts.sqlite) or a PostgreSQL \
            database (--postgres URL) that several instances can share. Admin work is done \
            here, on the database, never over HTTP.
            """,
        subcommands: [CounterServe.self, CounterImport.self, CounterExport.self, CounterTop.self, CounterStats.self, CounterBots.self]
    )
}
