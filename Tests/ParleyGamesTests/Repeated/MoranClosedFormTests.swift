import Foundation
import ParleyGames
import Testing

/// Moran fixation probabilities against the closed forms (Nowak 2006, *Evolutionary
/// Dynamics*, ch. 6). One mutant among N − 1 residents, birth–death, no mutation:
/// - neutral drift: ρ = 1/N;
/// - constant relative fitness r: ρ = (1 − 1/r) / (1 − 1/r^N);
/// - frequency-dependent fitness: ρ = 1 / (1 + Σ_{k=1}^{N−1} Π_{j=1}^{k} f_res(j) / f_mut(j)),
///   with j mutants present.
/// `scripts/moran_closed_form.sh` checks the first two within 1% over 10^6 runs; here
/// 10 000 runs must agree within 4 binomial standard errors, √(ρ(1 − ρ)/runs).
@Suite struct MoranClosedFormTests {
    static let runs = 10_000

    static func expectClose(_ observed: Int, _ rho: Double, _ label: String) {
        let share = Double(observed) / Double(runs)
        let tolerance = 4 * (rho * (1 - rho) / Double(runs)).squareRoot()
        #expect(abs(share - rho) <= tolerance, "\(label): observed \(share), closed form \(rho), tolerance \(tolerance)")
    }

    /// Tit For Tat among Cooperators: every match is all cooperation, every fitness is
    /// R × (N − 1), so the mutant drifts: ρ = 1/N (N = 10: 0.1).
    @Test func neutralDrift() throws {
        let population = ["TitForTat"] + Array(repeating: "Cooperator", count: 9)
        let process = try MoranProcess(population: population.map { try StrategyCatalog.player(named: $0) },
                                       settings: MatchSettings(length: .turns(1)))
        let tally = process.tally(runs: Self.runs, seed: 1, jobs: 2)
        #expect(tally.runs == Self.runs && tally.unfixed == 0)
        Self.expectClose(tally.fixations[0], 1.0 / 10, "neutral drift")
    }

    /// One Cooperator among Defectors in the game R = S = r, T = P = 1: a Cooperator earns r
    /// per turn against anyone and a Defector 1, so fitnesses are r(N − 1) and (N − 1).
    /// (r, N) = (2, 10): ρ = 0.5 / (1 − 2^−10) = 0.500489; (1.5, 6): (1/3)/(1 − 1.5^−6) =
    /// 0.365414; (0.8, 5): (−0.25)/(1 − 1.25^5) = 0.121847.
    @Test(arguments: [(2.0, 10, 0.500489), (1.5, 6, 0.365414), (0.8, 5, 0.121847)])
    func constantFitness(r: Double, size: Int, rho: Double) throws {
        let closed = (1 - 1 / r) / (1 - pow(1 / r, Double(size)))
        #expect(abs(closed - rho) < 1e-6)
        let population = ["Cooperator"] + Array(repeating: "Defector", count: size - 1)
        let game = try StageGame(r: r, s: r, t: 1, p: 1)
        let process = try MoranProcess(population: population.map { try StrategyCatalog.player(named: $0) },
                                       settings: MatchSettings(game: game, length: .turns(1)))
        let tally = process.tally(runs: Self.runs, seed: 2, jobs: 2)
        Self.expectClose(tally.fixations[0], rho, "r = \(r), N = \(size)")
    }

    /// One Defector in a public goods group of 5 (multiplier 3, endowment 1) where everyone
    /// plays everyone at once: with j Defectors a Cooperator earns 3(5 − j)/5 per turn and a
    /// Defector 1 + 3(5 − j)/5. The product formula gives ρ(Defector); by hand,
    /// γ_j = f_C/f_D = (3 − 0.6j)/(4 − 0.6j) = 12/17, 9/14, 6/11, 3/8, so
    /// Σ = 1 + 12/17 + 54/119 + 324/1309 + 243/2618 = 6545/2618 = 2.5 and ρ = 0.4.
    @Test func publicGoodsGroupMatchesTheProductFormula() throws {
        let population = ["Defector"] + Array(repeating: "Cooperator", count: 4)
        let group = try GroupSettings(game: GroupGame.publicGoods(multiplier: 3), match: MatchSettings(length: .turns(1)))
        let process = try MoranProcess(population: population.map { try StrategyCatalog.player(named: $0) },
                                       settings: group.match, group: group)
        var sum = 1.0
        var product = 1.0
        for j in 1...4 {
            product *= (3 - 0.6 * Double(j)) / (4 - 0.6 * Double(j))
            sum += product
        }
        let rho = 1 / sum
        #expect(abs(rho - 0.4) < 1e-12)
        let tally = process.tally(runs: Self.runs, seed: 3, jobs: 2)
        Self.expectClose(tally.fixations[0], rho, "public goods")
    }

    @Test func tallyAgreesWithTheRunsItCounts() throws {
        let population = try ["TitForTat", "Defector", "Defector", "Grudger"].map { try StrategyCatalog.player(named: $0) }
        let process = try MoranProcess(population: population, settings: MatchSettings(length: .turns(5)))
        let runs = process.fixations(runs: 200, seed: 4, jobs: 2)
        let tally = process.tally(runs: 200, seed: 4, jobs: 2)
        for k in process.types.indices {
            #expect(tally.fixations[k] == runs.filter { $0.winner == k }.count)
        }
        #expect(tally.generations == runs.map(\.generations).reduce(0, +))
    }
}
