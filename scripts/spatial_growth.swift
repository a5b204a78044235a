// Growth benchmark of the spatial model (run by scripts/spatial_growth.sh, which builds it in
// release against this repository). KTAB-like random scenarios (SyntheticScenario: positions
// uniform on 0-100, capabilities 1-200, saliences scaled to sum <= 100) of 40, 80 and 160
// actors on one dimension; per size: median time of a whole run, turns, time per turn, and
// the growth of time per turn against the previous size (8x per doubling = O(n^3)). Every
// run is checked against the straightforward (direct) valuation: same turns, same choices,
// same positions.
import ParleyBargaining
import ParleyCore
import Foundation

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

let arguments = CommandLine.arguments.dropFirst()
let sizes = arguments.isEmpty ? [40, 80, 160] : arguments.compactMap { Int($0) }
let seeds: [UInt64] = [1, 2, 3]
let clock = ContinuousClock()
var previousPerTurn: Double?
print("actors  dims  seed  turns  stop                       run (s, median of 3)  per turn (ms)  direct agrees")
var perTurnBySize: [(Int, Double)] = []
for n in sizes {
    var perTurnTimes: [Double] = []
    for seed in seeds {
        guard let scenario = SyntheticScenario.make(stakeholders: n, issues: 1, seed: seed) else { continue }
        var times: [Double] = []
        var result: SpatialRun?
        for _ in 0..<3 {
            var run: SpatialRun?
            let elapsed = clock.measure { run = try? SpatialModel().simulate(scenario) }
            times.append(seconds(elapsed))
            result = run
        }
        guard let result else { print("\(n): run failed"); continue }
        let direct = try? SpatialModel(valuation: .direct).simulate(scenario)
        let agrees = direct?.states.map(\.positions) == result.states.map(\.positions)
            && direct?.turns.map { $0.choices.map(\.chosen) } == result.turns.map { $0.choices.map(\.chosen) }
        let turns = result.turns.count
        let perTurn = median(times) / Double(max(turns, 1))
        perTurnTimes.append(perTurn)
        let stop = "\(result.stopReason)".padding(toLength: 26, withPad: " ", startingAt: 0)
        print(String(format: "%6d  %4d  %4d  %5d  %@ %21.4f  %13.3f  %@", n, 1, seed, turns, stop, median(times), perTurn * 1000, agrees ? "yes" : "NO"))
    }
    let perTurn = median(perTurnTimes)
    perTurnBySize.append((n, perTurn))
    if let previousPerTurn {
        print(String(format: "        growth of time per turn vs previous size: x%.2f (O(n^3) gives x8 per doubling)", perTurn / previousPerTurn))
    }
    previousPerTurn = perTurn
}
