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
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
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
            "PortfolioCore", "PortfolioCounter", "PortfolioContent", "PortfolioTemplates", "PortfolioSearch",
        ]),
        .target(name: "PortfolioImport", dependencies: ["PortfolioCore"]),
        // publish (hashed assets, precompressed files, host rules) and check (links in a built folder).
        .target(name: "PortfolioPublish", dependencies: ["PortfolioCore", "PortfolioSite", "CBrotli", "CZlib"]),
        // deploy: the local inventory, the object-storage policy and engine, the git target.
        .target(name: "PortfolioDeploy", dependencies: [
            "PortfolioCore", "PortfolioContent", "PortfolioSite", "PortfolioPublish",
            .product(name: "Crypto", package: "swift-crypto"), .product(name: "Yams", package: "Yams"),
        ]),
        // An S3 client (SigV4 over async-http-client) that deploy's s3 targets go through.
        .target(name: "PortfolioS3", dependencies: [
            "PortfolioCore", "PortfolioDeploy", .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        // The view counter: its rules and its store protocol, the stores, and its HTTP service.
        .target(name: "PortfolioCounter", dependencies: ["PortfolioCore", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "PortfolioCounterSQLite", dependencies: ["PortfolioCore", "PortfolioCounter", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "PortfolioCounterPostgres", dependencies: [
            "PortfolioCore", "PortfolioCounter", .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        .target(name: "PortfolioCounterServer", dependencies: [
            "PortfolioCounter", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .target(name: "PortfolioServer", dependencies: [
            "PortfolioCore", "PortfolioSite", "PortfolioCounter", "PortfolioCounterServer",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .executableTarget(name: "portfolio", dependencies: [
            "PortfolioCore", "PortfolioSite", "PortfolioImport", "PortfolioServer", "PortfolioPublish", "PortfolioDeploy", "PortfolioS3",
            "PortfolioCounter", "PortfolioCounterSQLite", "PortfolioCounterPostgres", "PortfolioCounterServer",
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
        .testTarget(name: "PortfolioDeployTests", dependencies: [
            "PortfolioCore", "PortfolioSite", "PortfolioPublish", "PortfolioDeploy", "PortfolioTestSupport",
        ]),
        .testTarget(name: "PortfolioS3Tests", dependencies: [
            "PortfolioCore", "PortfolioDeploy", "PortfolioPublish", "PortfolioS3", "PortfolioTestSupport",
        ]),
        .testTarget(name: "PortfolioImportTests", dependencies: ["PortfolioCore", "PortfolioContent", "PortfolioImport"], exclude: ["Fixtures"]),
        .testTarget(name: "PortfolioCounterTests", dependencies: [
            "PortfolioCounter", "PortfolioCounterSQLite", "PortfolioCounterPostgres", "PortfolioCounterServer",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "PortfolioServerTests", dependencies: [
            "PortfolioServer", "PortfolioSite", "PortfolioCore", "PortfolioCounter", "PortfolioTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ]
)
