// swift-tools-version: 6.1
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, so the Parley package's identity is the
// name of the folder this repository was cloned into ("parley", "main", ...).
let parley = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

// Benchmarks live in their own package (after swift-nio) so the main build never resolves the
// benchmark tools. Run: cd Benchmarks && swift package benchmark
let package = Package(
    name: "ParleyBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "BargainingBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ParleyCore", package: parley),
                .product(name: "ParleyBargaining", package: parley),
            ],
            path: "Benchmarks/BargainingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SpatialBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ParleyCore", package: parley),
                .product(name: "ParleyBargaining", package: parley),
            ],
            path: "Benchmarks/SpatialBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ExchangeBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ParleyCore", package: parley),
                .product(name: "ParleyBargaining", package: parley),
            ],
            path: "Benchmarks/ExchangeBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RepeatedBenchmarks",
            dependencies: [.product(name: "Benchmark", package: "benchmark"), .product(name: "ParleyGames", package: parley)],
            path: "Benchmarks/RepeatedBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "GamesBenchmarks",
            dependencies: [.product(name: "Benchmark", package: "benchmark"), .product(name: "ParleyGames", package: parley)],
            path: "Benchmarks/GamesBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
