import ArgumentParser
import Foundation
import PortfolioCounter

/// `portfolio counter stats`: totals over the store.
struct CounterStats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Print the store's totals.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let today = Int(Date().timeIntervalSince1970).floorDivided(by: 86_400)
        let stats = try await withStore(store) { try await $0.stats(today: today) }
        printLine(CounterReport.stats(stats, store: store.description))
    }
}
