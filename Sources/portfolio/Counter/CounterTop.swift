import ArgumentParser
import Foundation
import PortfolioCounter

/// `portfolio counter top`: the most viewed articles of the last days.
struct CounterTop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "top", abstract: "List the articles most viewed in the last days.")

    @OptionGroup var store: StoreOptions
    @Option(help: "How many days back, today included.") var days = 7
    @Option(help: "How many articles.") var limit = 20

    func validate() throws {
        guard days >= 1, limit >= 1 else { throw ValidationError("--days and --limit take 1 or more") }
    }

    func run() async throws {
        let today = Int(Date().timeIntervalSince1970).floorDivided(by: 86_400)
        let views = try await withStore(store) { try await $0.recorded(sinceDay: today - days + 1) }
        printLine(CounterReport.top(views, limit: limit, days: days))
    }
}
