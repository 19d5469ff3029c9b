import ArgumentParser

/// The `portfolio` command: build, preview, write and import articles.
@main
struct Portfolio: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio",
        abstract: "A static site generator for a Chinese marketing knowledge portfolio.",
        subcommands: [Build.self, Publish.self, Deploy.self, Check.self, Serve.self, New.self, Init.self, Import.self, Counter.self]
    )

    static func main() async {
        AllocatorTuning.apply(for: CommandLine.arguments)
        await main(nil)
    }
}
