// swift-tools-version: 6.1
import PackageDescription

/// Swift 6 settings shared by every target, after hummingbird's example: explicit `any`,
/// imports that are internal unless marked `public`, and member lookup limited to what is imported.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "ParleyCore", targets: ["ParleyCore"]),
        .library(name: "ParleyBargaining", targets: ["ParleyBargaining"]),
        .library(name: "ParleyGames", targets: ["ParleyGames"]),
        .library(name: "ParleySimulation", targets: ["ParleySimulation"]),
        .library(name: "ParleyAnalysis", targets: ["ParleyAnalysis"]),
        .library(name: "ParleyIO", targets: ["ParleyIO"]),
        .library(name: "ParleyStore", targets: ["ParleyStore"]),
        .library(name: "ParleyReports", targets: ["ParleyReports"]),
        .library(name: "ParleyServer", targets: ["ParleyServer"]),
        .executable(name: "parley", targets: ["parley"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already part of Hummingbird's graph; named because ParleyServer imports them directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(name: "ParleyCore", swiftSettings: strictSettings),
        .target(name: "ParleyBargaining", dependencies: ["ParleyCore"], swiftSettings: strictSettings),
        .target(
            name: "ParleyGames",
            dependencies: ["ParleyCore", .product(name: "BigInt", package: "BigInt")],
            swiftSettings: strictSettings
        ),
        .target(name: "ParleySimulation", dependencies: ["ParleyCore", "ParleyBargaining"], swiftSettings: strictSettings),
        .target(
            name: "ParleyAnalysis",
            dependencies: ["ParleyCore", "ParleyBargaining", "ParleyGames", "ParleySimulation"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ParleyIO",
            dependencies: [
                "ParleyCore", "ParleyBargaining", "ParleyGames", "ParleySimulation", "ParleyAnalysis",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ParleyStore",
            dependencies: ["ParleyCore", "ParleySimulation", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ParleyReports",
            dependencies: ["ParleyCore", "ParleyBargaining", "ParleySimulation", "ParleyGames", "ParleyAnalysis"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ParleyServer",
            dependencies: [
                "ParleyCore", "ParleyBargaining", "ParleyGames", "ParleySimulation", "ParleyAnalysis", "ParleyIO", "ParleyStore",
                "ParleyReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Assets")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "parley",
            dependencies: [
                "ParleyCore", "ParleyBargaining", "ParleyGames", "ParleySimulation", "ParleyAnalysis", "ParleyIO", "ParleyStore",
                "ParleyReports", "ParleyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyCoreTests",
            dependencies: ["ParleyCore", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyAnalysisTests",
            dependencies: [
                "ParleyCore", "ParleyBargaining", "ParleyGames", "ParleySimulation", "ParleyAnalysis",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyReportsTests",
            dependencies: ["ParleyCore", "ParleyBargaining", "ParleyAnalysis", "ParleyReports"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyIOTests",
            dependencies: [
                "ParleyCore", "ParleyIO", "ParleyAnalysis",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyBargainingTests",
            dependencies: [
                "ParleyCore", "ParleyBargaining",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyGamesTests",
            dependencies: [
                "ParleyCore", "ParleyGames",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleySimulationTests",
            dependencies: ["ParleyCore", "ParleySimulation", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyStoreTests",
            dependencies: ["ParleyCore", "ParleySimulation", "ParleyStore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyServerTests",
            dependencies: ["ParleyServer"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ParleyCLITests",
            dependencies: ["parley"],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
    ]
)
