import Benchmark
import ParleyBargaining
import ParleyCore

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(2))

    for size in [100, 1000] {
        if let scenario = SyntheticScenario.make(stakeholders: size, issues: 3, seed: 1) {
            Benchmark("baselines \(size) x 3") { benchmark in
                for _ in benchmark.scaledIterations {
                    for model in ModelCatalog.all {
                        blackHole(try? model.run(scenario))
                    }
                }
            }
        }
    }
}
