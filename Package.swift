// swift-tools-version: 6.1
import PackageDescription

/// Strict settings shared by every target: Swift 6 mode, and upcoming features
/// that make an undeclared dependency or an implicit existential fail to compile.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// Release settings of the kernel and the modules that run it (see Benchmarks/EngineBenchmarks/README.md):
/// cross-module optimization, so the generic kernel is specialized for each strategy where it is
/// used (without it every per-bar call goes through generic metadata), and no dynamic exclusivity
/// checks (debug builds and the tests keep them).
let kernelReleaseSettings: [SwiftSetting] = [
    .unsafeFlags(["-cross-module-optimization", "-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

let package = Package(
    name: "Bourse",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "BourseCore", targets: ["BourseCore"]),
        .library(name: "BourseEngine", targets: ["BourseEngine"]),
        .library(name: "BourseStrategies", targets: ["BourseStrategies"]),
        .library(name: "BourseIndicators", targets: ["BourseIndicators"]),
        .library(name: "BourseTestKit", targets: ["BourseTestKit"]),
        .library(name: "BourseRisk", targets: ["BourseRisk"]),
        .executable(name: "bourse", targets: ["bourse"]),
        .library(name: "BourseAnalytics", targets: ["BourseAnalytics"]),
        .library(name: "BourseData", targets: ["BourseData"]),
        .library(name: "BourseSQLite", targets: ["BourseSQLite"]),
        .library(name: "BourseConfiguration", targets: ["BourseConfiguration"]),
        .library(name: "BourseExecution", targets: ["BourseExecution"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // MARK: Core
        .target(
            name: "BourseCore",
            dependencies: [.product(name: "Collections", package: "swift-collections")],
            swiftSettings: strictSettings + kernelReleaseSettings
        ),
        .testTarget(
            name: "BourseCoreTests",
            dependencies: [
                "BourseCore",
                "BourseTestKit",
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Journal
        .executableTarget(
            name: "JournalBenchmarks",
            dependencies: [
                "BourseCore", "BourseEngine", "BourseExecution", "BourseSQLite", "BourseTestKit",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/JournalBenchmarks",
            exclude: ["README.md"],
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),

        // MARK: Engine
        .target(
            name: "BourseEngine",
            dependencies: [
                "BourseCore", "BourseIndicators", "BourseAnalytics", "BourseData", "BourseExecution", "BourseRisk",
                .product(name: "Collections", package: "swift-collections"),
            ],
            swiftSettings: strictSettings + kernelReleaseSettings
        ),
        .target(
            name: "BourseStrategies",
            dependencies: ["BourseCore", "BourseData", "BourseEngine", "BourseIndicators"],
            swiftSettings: strictSettings + kernelReleaseSettings
        ),
        .testTarget(
            name: "BourseEngineTests",
            dependencies: [
                "BourseCore", "BourseEngine", "BourseData", "BourseIndicators", "BourseStrategies", "BourseExecution",
                "BourseRisk", "BourseTestKit", .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Collections", package: "swift-collections"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BourseStrategiesTests",
            dependencies: ["BourseCore", "BourseEngine", "BourseData", "BourseStrategies"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                "BourseCore", "BourseEngine", "BourseData", "BourseStrategies", "BourseRisk", "BourseIndicators",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/EngineBenchmarks",
            exclude: ["README.md"],
            swiftSettings: strictSettings + kernelReleaseSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),

        // MARK: Indicators
        .target(
            name: "BourseIndicators",
            dependencies: ["BourseCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BourseIndicatorsTests",
            dependencies: [
                "BourseIndicators",
                "BourseCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "IndicatorBenchmarks",
            dependencies: [
                "BourseIndicators",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/IndicatorBenchmarks",
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),

        // MARK: Risk
        .target(
            name: "BourseRisk",
            dependencies: ["BourseCore", "BourseAnalytics", .product(name: "Collections", package: "swift-collections")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BourseRiskTests",
            dependencies: ["BourseRisk", .product(name: "Collections", package: "swift-collections")],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),

        // MARK: Analytics
        .systemLibrary(name: "CLAPACK", path: "Sources/CLAPACK"),
        .target(
            name: "BourseAnalytics",
            dependencies: ["BourseCore", "CLAPACK"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BourseAnalyticsTests",
            dependencies: ["BourseAnalytics", "BourseCore", "BourseTestKit"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "AnalyticsBenchmarks",
            dependencies: [
                "BourseAnalytics",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/AnalyticsBenchmarks",
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),

        // MARK: Data
        .target(
            name: "BourseData",
            dependencies: ["BourseCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BourseSQLite",
            dependencies: [
                "BourseCore", "BourseData", "BourseEngine", "BourseExecution",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BourseDataTests",
            dependencies: ["BourseCore", "BourseData", "BourseTestKit"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BourseSQLiteTests",
            dependencies: [
                "BourseCore", "BourseData", "BourseSQLite", "BourseEngine", "BourseExecution", "BourseTestKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "DataBenchmarks",
            dependencies: [
                "BourseCore", "BourseData", "BourseSQLite",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/DataBenchmarks",
            exclude: ["README.md"],
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),

        // MARK: Platform
        .target(
            name: "BourseConfiguration",
            dependencies: [
                "BourseCore",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BourseConfigurationTests",
            dependencies: ["BourseConfiguration", "BourseCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "bourseTests",
            dependencies: [
                "bourse", "BourseConfiguration", "BourseCore", "BourseRisk", "BourseAnalytics", "BourseData", "BourseEngine",
                "BourseExecution", "BourseSQLite", "BourseStrategies",
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Execution
        .target(
            name: "BourseExecution",
            dependencies: ["BourseCore", .product(name: "OrderedCollections", package: "swift-collections")],
            swiftSettings: strictSettings + kernelReleaseSettings
        ),
        .testTarget(
            name: "BourseExecutionTests",
            dependencies: [
                "BourseCore",
                "BourseExecution",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ExecutionBenchmarks",
            dependencies: [
                "BourseCore",
                "BourseExecution",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ExecutionBenchmarks",
            exclude: ["README.md"],
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),

        // MARK: Core test support and benchmarks
        .target(
            name: "BourseTestKit",
            dependencies: ["BourseCore"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "CoreBenchmarks",
            dependencies: [
                "BourseCore",
                "BourseTestKit",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CoreBenchmarks",
            exclude: ["README.md"],
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RiskBenchmarks",
            dependencies: [
                "BourseRisk",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RiskBenchmarks",
            exclude: ["README.md"],
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),

        // MARK: CLI
        .executableTarget(
            name: "bourse",
            dependencies: [
                "BourseCore",
                "BourseConfiguration",
                "BourseData", "BourseSQLite", "BourseEngine", "BourseStrategies", "BourseRisk", "BourseAnalytics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
