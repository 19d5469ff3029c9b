import ArgumentParser
import Foundation
import PortfolioCounter

/// `portfolio counter export`: every stored count, as CSV or JSON.
struct CounterExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print every id's stored counts (views recorded live, and the imported count).")

    enum Format: String, ExpressibleByArgument { case csv, json }
    @OptionGroup var store: StoreOptions
    @Option(help: "csv or json.") var format = Format.csv

    func run() async throws {
        let all = try await withStore(store) { try await $0.all() }
        printLine(CounterReport.export(all, json: format == .json))
    }
}
