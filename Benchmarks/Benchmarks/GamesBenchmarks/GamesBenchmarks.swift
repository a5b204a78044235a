import Benchmark
import ParleyGames

/// The peer comparison's inputs (reference game-theory.md §1): SplitMix64 random games,
/// instance 0 of each size. scripts/gambit_benchmark.sh times the peers on the same games.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(2))

    for size in [4, 6, 8, 10] {
        if let game = RandomBimatrix.game(rows: size, columns: size, seed: RandomBimatrix.seed(size: size, index: 0)) {
            Benchmark("enumerate all extreme equilibria \(size)x\(size)") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try? BimatrixEnumeration.solve(game))
                }
            }
        }
    }
    for size in [20, 50, 100, 200] {
        if let game = RandomBimatrix.game(rows: size, columns: size, seed: RandomBimatrix.seed(size: size, index: 0)) {
            Benchmark("Lemke-Howson \(size)x\(size)") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try? LemkeHowson.solve(game, droppedLabel: 0))
                }
            }
        }
    }
}
