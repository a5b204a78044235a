import Benchmark
import ParleyBargaining
import ParleyCore

/// The exchange model on generated scenarios; 15 x 13 (seed 1) is the case decide is compared
/// on by scripts/bench_decide.sh.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(2))

    for (stakeholders, issues) in [(15, 13), (30, 10)] {
        if let scenario = SyntheticScenario.make(stakeholders: stakeholders, issues: issues, seed: 1) {
            Benchmark("exchange \(stakeholders) x \(issues), 10 rounds") { benchmark in
                let model = ExchangeModel(parameters: .init(rounds: 10))
                for _ in benchmark.scaledIterations {
                    blackHole(try? model.run(scenario))
                }
            }
        }
    }
}
