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

let package = Package(
    name: "Bourse",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "BourseCore", targets: ["BourseCore"]),
        .library(name: "BourseRisk", targets: ["BourseRisk"]),
        .executable(name: "bourse", targets: ["bourse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // MARK: Core
        .target(
            name: "BourseCore",
            dependencies: [.product(name: "Collections", package: "swift-collections")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BourseCoreTests",
            dependencies: [
                "BourseCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Risk
        .target(
            name: "BourseRisk",
            dependencies: ["BourseCore", .product(name: "Collections", package: "swift-collections")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BourseRiskTests",
            dependencies: ["BourseRisk", .product(name: "Collections", package: "swift-collections")],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "RiskBenchmarks",
            dependencies: [
                "BourseRisk",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RiskBenchmarks",
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),

        // MARK: CLI
        .executableTarget(
            name: "bourse",
            dependencies: [
                "BourseCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
