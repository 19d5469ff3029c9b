import ArgumentParser

/// `portfolio import`: bring articles in from other platforms.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Import articles from another platform.")
}
