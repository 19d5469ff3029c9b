import ArgumentParser
import Foundation
import PortfolioSite

/// `portfolio new`: start a new source file.
struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new article.", subcommands: [NewArticle.self])
}

/// `portfolio new article "標題"`.
struct NewArticle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "article", abstract: "Write a new article file and print its path.")

    @OptionGroup var site: SiteOptions
    @Argument(help: "The article's title.") var title: String
    @Option(help: "The URL slug (default: from the title).") var slug: String?
    @Option(help: "Tags, separated by commas.") var tags: String?

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the title is empty") }
    }

    func run() async throws {
        let tagList = (tags ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            let url = try Scaffold.newArticle(siteRoot: site.siteRoot, title: title, slug: slug, tags: tagList)
            print(url.path)
        } catch {
            report([error])
            throw ExitCode(1)
        }
    }
}

/// `portfolio init DIR`: a working starter site.
struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a starter site into a new folder.")

    @Argument(help: "The folder to create.") var folder: String

    func run() async throws {
        do {
            let files = try Scaffold.initSite(URL(fileURLWithPath: folder, isDirectory: true))
            print("wrote \(files.count) files into \(folder); next: cd \(folder) && portfolio build")
        } catch {
            report([error])
            throw ExitCode(1)
        }
    }
}
