#!/usr/bin/env bash
# Builds (release) a small command-line helper on Parley's libraries for the decide scripts and
# prints its path. It lives in .build-exchange-helper/ (gitignored) as a package that depends on
# this repository by path, so it needs no change to Package.swift or the CLI:
#   helper export IN OUT                 Parley's own exporter (ScenarioFile.write), e.g. YAML -> decide TSV
#   helper synthetic N M SEED OUT        SyntheticScenario.make(stakeholders: N, issues: M, seed: SEED), exported
#   helper bench FILE ROUNDS REPS [hybrid|double|decimal]
#                                        times ExchangeModel on FILE in that arithmetic (default hybrid),
#                                        prints JSON {"seconds": [...], "median": s, "exchanges": n}
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PKG=.build-exchange-helper/pkg
mkdir -p "$PKG/Sources/decide-helper"
cat > "$PKG/Package.swift" <<EOF
// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "DecideHelper",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "main", path: "$ROOT")],
    targets: [.executableTarget(name: "decide-helper", dependencies: [
        .product(name: "ParleyCore", package: "main"), .product(name: "ParleyBargaining", package: "main"),
        .product(name: "ParleyIO", package: "main")])]
)
EOF
cat > "$PKG/Sources/decide-helper/main.swift" <<'EOF'
import Foundation
import ParleyBargaining
import ParleyCore
import ParleyIO

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(64)
}

let args = Array(CommandLine.arguments.dropFirst())
do {
    switch args.first {
    case "export" where args.count == 3:
        for note in try ScenarioFile.write(try ScenarioFile.read(args[1]), to: args[2]) { print("note: \(note)") }
    case "synthetic" where args.count == 5:
        guard let n = Int(args[1]), let m = Int(args[2]), let seed = UInt64(args[3]),
              let scenario = SyntheticScenario.make(stakeholders: n, issues: m, seed: seed) else { fail("bad synthetic arguments") }
        for note in try ScenarioFile.write(scenario, to: args[4]) { print("note: \(note)") }
    case "bench" where args.count == 4 || args.count == 5:
        guard let rounds = Int(args[2]), let reps = Int(args[3]), reps > 0,
              let arithmetic = ExchangeModel.Parameters.Arithmetic(rawValue: args.count == 5 ? args[4] : "hybrid")
        else { fail("bench FILE ROUNDS REPS [hybrid|double|decimal]") }
        let scenario = try ScenarioFile.read(args[1])
        let model = ExchangeModel(parameters: .init(rounds: rounds, arithmetic: arithmetic))
        var seconds: [Double] = []
        var exchanges = 0
        for _ in 0..<reps {
            let clock = ContinuousClock()
            var run: ExchangeRun?
            let elapsed = try clock.measure { run = try model.simulate(scenario) }
            exchanges = run?.rounds.reduce(0) { $0 + $1.exchanges.count } ?? 0
            seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        let median = seconds.sorted()[seconds.count / 2]
        print("{\"seconds\": \(seconds), \"median\": \(median), \"exchanges\": \(exchanges)}")
    default:
        fail("usage: decide-helper export IN OUT | synthetic N M SEED OUT | bench FILE ROUNDS REPS [hybrid|double|decimal]")
    }
} catch {
    fail("\(error)")
}
EOF
swift build -c release --package-path "$PKG" --scratch-path .build-exchange-helper/build --product decide-helper >&2
echo "$ROOT/.build-exchange-helper/build/release/decide-helper"
