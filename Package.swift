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
        .target(name: "PortfolioCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "PortfolioMarkdown", dependencies: ["CCmarkGFM", "PortfolioCore"]),
        .target(name: "PortfolioContent", dependencies: ["PortfolioCore", "PortfolioMarkdown"]),
        .target(name: "PortfolioTemplates", dependencies: ["PortfolioCore", "PortfolioContent"]),
        .target(name: "PortfolioSearch", dependencies: ["PortfolioCore", "PortfolioTemplates"]),
        .target(name: "PortfolioSite", dependencies: [
            "PortfolioCore", "PortfolioMarkdown", "PortfolioContent", "PortfolioTemplates", "PortfolioSearch",
        ]),
        .target(name: "PortfolioImport", dependencies: ["PortfolioCore"]),
        .target(name: "PortfolioServer", dependencies: [
            "PortfolioCore", "PortfolioContent", "PortfolioSite", .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .executableTarget(name: "portfolio", dependencies: [
            "PortfolioCore", "PortfolioSite", "PortfolioImport", "PortfolioServer",
            .target(name: "CMalloc", condition: .when(platforms: [.linux])),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "PortfolioCoreTests", dependencies: ["PortfolioCore", "PortfolioMarkdown", "PortfolioContent"]),
        .testTarget(name: "PortfolioSiteTests", dependencies: ["PortfolioCore", "PortfolioContent", "PortfolioSite", "PortfolioImport"]),
        .testTarget(name: "PortfolioSearchTests", dependencies: ["PortfolioCore", "PortfolioSearch"]),
        .testTarget(name: "PortfolioTemplatesTests", dependencies: ["PortfolioCore", "PortfolioTemplates"]),
        .testTarget(name: "PortfolioImportTests", dependencies: ["PortfolioCore", "PortfolioImport"], exclude: ["Fixtures"]),
        .testTarget(name: "PortfolioServerTests", dependencies: [
            "PortfolioServer", "PortfolioSite", "PortfolioCore", .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ]
)
