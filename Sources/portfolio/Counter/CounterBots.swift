import ArgumentParser
import PortfolioCounter

/// `portfolio counter bots`: the built-in list of User-Agents not counted.
struct CounterBots: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bots", abstract: "Print the built-in User-Agent patterns that are not counted (a start for --bots FILE).")

    func run() {
        printLine(BotPatterns.standard)
    }
}
