// swift-tools-version: 6.1
import PackageDescription

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
                .product(name: "ParleyCore", package: "main"),
                .product(name: "ParleyBargaining", package: "main"),
            ],
            path: "Benchmarks/BargainingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SpatialBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ParleyCore", package: "main"),
                .product(name: "ParleyBargaining", package: "main"),
            ],
            path: "Benchmarks/SpatialBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ExchangeBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ParleyCore", package: "main"),
                .product(name: "ParleyBargaining", package: "main"),
            ],
            path: "Benchmarks/ExchangeBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RepeatedBenchmarks",
            dependencies: [.product(name: "Benchmark", package: "benchmark"), .product(name: "ParleyGames", package: "main")],
            path: "Benchmarks/RepeatedBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "GamesBenchmarks",
            dependencies: [.product(name: "Benchmark", package: "benchmark"), .product(name: "ParleyGames", package: "main")],
            path: "Benchmarks/GamesBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
