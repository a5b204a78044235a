import Benchmark
import ParleyBargaining
import ParleyCore

// Whole runs of KTAB's spatial model on KTAB-like random scenarios (SyntheticScenario) of 40,
// 80 and 160 actors on one dimension, with the incremental valuation, and 40 actors with the
// straightforward direct one. Time per turn and the growth ratio across sizes come from
// scripts/spatial_growth.sh, which also checks that both valuations give the same run.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5))

    for size in [40, 80, 160] {
        guard let scenario = SyntheticScenario.make(stakeholders: size, issues: 1, seed: 1) else { continue }
        Benchmark("spatial \(size) x 1", configuration: .init(maxIterations: size >= 160 ? 3 : 20)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? SpatialModel().run(scenario))
            }
        }
    }
    if let scenario = SyntheticScenario.make(stakeholders: 40, issues: 1, seed: 1) {
        Benchmark("spatial 40 x 1 direct valuation", configuration: .init(maxIterations: 20)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? SpatialModel(valuation: .direct).run(scenario))
            }
        }
    }
    if let scenario = SyntheticScenario.make(stakeholders: 7, issues: 3, seed: 1) {
        Benchmark("spatial 7 x 3") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? SpatialModel().run(scenario))
            }
        }
    }
}
