// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "portfolio",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "portfolio", targets: ["portfolio"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // The C library behind Markdown; only PortfolioMarkdown imports it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // Compression for published sites; only PortfolioPublish imports them.
        .systemLibrary(name: "CBrotli", pkgConfig: "libbrotlienc", providers: [.apt(["libbrotli-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "PortfolioCore"),
        .target(name: "PortfolioMarkdown", dependencies: ["CCmarkGFM", "PortfolioCore"]),
        .target(name: "PortfolioContent", dependencies: ["PortfolioCore", "PortfolioMarkdown", .product(name: "Yams", package: "Yams")]),
        // The default theme: the files of templates/, built into the program by the plugin.
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .target(name: "PortfolioTheme", plugins: ["EmbedTheme"]),
        .target(name: "PortfolioTemplates", dependencies: ["PortfolioCore", "PortfolioContent", "PortfolioTheme"]),
        .target(name: "PortfolioSearch", dependencies: ["PortfolioCore"]),
        .target(name: "PortfolioSite", dependencies: [
            "PortfolioCore", "PortfolioContent", "PortfolioTemplates", "PortfolioSearch",
        ]),
        .target(name: "PortfolioImport", dependencies: ["PortfolioCore"]),
        // publish (hashed assets, precompressed files, host rules) and check (links in a built folder).
        .target(name: "PortfolioPublish", dependencies: ["PortfolioCore", "PortfolioSite", "CBrotli", "CZlib"]),
        .target(name: "PortfolioServer", dependencies: [
            "PortfolioCore", "PortfolioSite", .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .executableTarget(name: "portfolio", dependencies: [
            "PortfolioCore", "PortfolioSite", "PortfolioImport", "PortfolioServer", "PortfolioPublish",
            .target(name: "CMalloc", condition: .when(platforms: [.linux])),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The parsers of a user's files under libFuzzer (scripts/fuzz), or a replayer of inputs.
        .executableTarget(name: "portfolio-fuzz", dependencies: ["PortfolioCore", "PortfolioContent", "PortfolioImport"],
                          path: "Sources/PortfolioFuzz"),
        // Tests mirror the modules; fixture sites live in one support target they share.
        .target(name: "PortfolioTestSupport", dependencies: ["PortfolioCore", "PortfolioSite"], path: "Tests/PortfolioTestSupport"),
        .testTarget(name: "PortfolioCoreTests", dependencies: ["PortfolioCore", "PortfolioContent"]),
        .testTarget(name: "PortfolioMarkdownTests", dependencies: ["PortfolioCore", "PortfolioMarkdown", "PortfolioContent"]),
        .testTarget(name: "PortfolioContentTests", dependencies: ["PortfolioCore", "PortfolioContent"]),
        .testTarget(name: "PortfolioTemplatesTests", dependencies: ["PortfolioCore", "PortfolioTemplates"]),
        .testTarget(name: "PortfolioSearchTests", dependencies: ["PortfolioCore", "PortfolioSearch"]),
        .testTarget(name: "PortfolioSiteTests", dependencies: [
            "PortfolioCore", "PortfolioTemplates", "PortfolioSite", "PortfolioImport", "PortfolioTestSupport",
        ]),
        .testTarget(name: "PortfolioPublishTests", dependencies: [
            "PortfolioCore", "PortfolioSite", "PortfolioPublish", "PortfolioTestSupport",
        ]),
        .testTarget(name: "PortfolioImportTests", dependencies: ["PortfolioCore", "PortfolioContent", "PortfolioImport"], exclude: ["Fixtures"]),
        .testTarget(name: "PortfolioServerTests", dependencies: [
            "PortfolioServer", "PortfolioSite", "PortfolioCore", "PortfolioTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ]
)
