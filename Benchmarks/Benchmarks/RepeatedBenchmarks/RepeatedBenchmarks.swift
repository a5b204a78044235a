import Benchmark
import ParleyGames

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(3))

    // The peer comparison's workloads (scripts/bench_axelrod.sh): 10 classic strategies and all
    // deterministic strategies, 200 turns, 10 repetitions, seed 1.
    let workloads: [(String, [RepeatedPlayer])] = [
        ("classic 10", StrategyCatalog.classicWithRandom),
        ("deterministic \(StrategyCatalog.deterministic.count)", StrategyCatalog.deterministic),
    ]
    for (label, players) in workloads {
        for jobs in [1, Tournament.defaultJobs] {
            Benchmark("tournament \(label) x 200 turns x 10 reps, \(jobs) jobs") { benchmark in
                guard let settings = try? MatchSettings(length: .turns(200)),
                      let tournament = try? Tournament(players: players, settings: settings, repetitions: 10, seed: 1) else { return }
                for _ in benchmark.scaledIterations {
                    blackHole(tournament.play(jobs: jobs))
                }
            }
        }
    }

    Benchmark("match TitForTat vs Grudger, 200 turns") { benchmark in
        guard let settings = try? MatchSettings(length: .turns(200)),
              let a = try? StrategyCatalog.player(named: "TitForTat"), let b = try? StrategyCatalog.player(named: "Grudger") else { return }
        for _ in benchmark.scaledIterations {
            blackHole(RepeatedMatch.summary(a, b, settings: settings))
        }
    }
}
