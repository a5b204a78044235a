// swift-tools-version: 6.1
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, so the Parley package's identity is the
// name of the folder this repository was cloned into ("parley", "main", ...).
let parley = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

// libFuzzer harnesses, one executable per reader, in their own package (as Benchmarks/) so the
// main build and CI never compile them. Build and run them with scripts/fuzz.sh, which passes
// `--sanitize fuzzer --sanitize address`; libFuzzer supplies `main`, so the harnesses are
// compiled as libraries (`-parse-as-library`) around `LLVMFuzzerTestOneInput`.
let harness: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "ParleyFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "../")],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "ParleyCore", package: parley),
                .product(name: "ParleyGames", package: parley),
                .product(name: "ParleyIO", package: parley),
            ]
        ),
        .executableTarget(name: "FuzzScenarioYAML", dependencies: ["FuzzSupport"], swiftSettings: harness),
        .executableTarget(name: "FuzzScenarioJSON", dependencies: ["FuzzSupport"], swiftSettings: harness),
        .executableTarget(name: "FuzzKTABCSV", dependencies: ["FuzzSupport"], swiftSettings: harness),
        .executableTarget(name: "FuzzKTABXML", dependencies: ["FuzzSupport"], swiftSettings: harness),
        .executableTarget(name: "FuzzDecideTSV", dependencies: ["FuzzSupport"], swiftSettings: harness),
        .executableTarget(name: "FuzzDEUCSV", dependencies: ["FuzzSupport"], swiftSettings: harness),
        .executableTarget(name: "FuzzNFG", dependencies: ["FuzzSupport"], swiftSettings: harness),
        .executableTarget(name: "FuzzEFG", dependencies: ["FuzzSupport"], swiftSettings: harness),
        .executableTarget(name: "FuzzGameYAML", dependencies: ["FuzzSupport"], swiftSettings: harness),
        .executableTarget(name: "FuzzGameJSON", dependencies: ["FuzzSupport"], swiftSettings: harness),
        .executableTarget(name: "FuzzRepeatedCase", dependencies: ["FuzzSupport"], swiftSettings: harness),
        .executableTarget(name: "FuzzShardFile", dependencies: ["FuzzSupport"], swiftSettings: harness),
        .executableTarget(
            name: "FuzzAxelrodData", dependencies: [.product(name: "ParleyGames", package: parley)], swiftSettings: harness),
    ]
)
