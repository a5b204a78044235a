import Foundation
import ParleyCore
import ParleyGames
import Testing

@Suite struct MoranProcessTests {
    /// Fixation frequencies against axelrod 4.14.0's `MoranProcess` (200 runs each, fixture
    /// `stochastic.json`). Parley runs 400; each type's share must agree within 5 standard
    /// errors of a difference of proportions, √(p(1−p)(1/200 + 1/400)), plus 0.01.
    @Test func fixationMatchesAxelrodStatistically() throws {
        let fixture = try AxelrodFixtures.json("stochastic.json")
        let cases = try #require(fixture["moran"] as? [[String: Any]])
        #expect(cases.count == 3)
        for entry in cases {
            let keys = try #require(entry["players"] as? [String])
            let winners = try #require(entry["winners"] as? [String: Any])
            let runs = try #require(number(entry["runs"]))
            let population = try keys.map { try StrategyCatalog.player(named: $0) }
            let process = try MoranProcess(population: population, settings: MatchSettings(length: .turns(200)))
            let outcome = process.fixations(runs: 400, seed: 11, jobs: 2)
            #expect(outcome.count == 400)
            for (name, count) in winners {
                let expected = (number(count) ?? 0) / runs
                let type = try #require(process.types.firstIndex { $0.name == name })
                let observed = Double(outcome.filter { $0.winner == type }.count) / 400
                let p = (expected + observed) / 2
                let tolerance = 5 * (p * (1 - p) * (1 / runs + 1 / 400)).squareRoot() + 0.01
                #expect(abs(observed - expected) <= tolerance, "\(keys): \(name) Parley \(observed) axelrod \(expected)")
            }
        }
    }

    @Test func runsAreReproducibleAndConserveThePopulation() throws {
        let population = try ["TitForTat", "Defector", "Random", "Grudger"].map { try StrategyCatalog.player(named: $0) }
        let process = try MoranProcess(population: population, settings: MatchSettings(length: .turns(20)), mutationRate: 0.1,
                                       maximumGenerations: 50)
        let a = process.run(seed: 3)
        #expect(a == process.run(seed: 3))
        #expect(a.generations == 50)  // with mutation it never stops early
        #expect(a.populations.allSatisfy { $0.reduce(0, +) == 4 })
        // Each generation replaces one individual: at most two counts change, by one each.
        for (before, after) in zip(a.populations, a.populations.dropFirst()) {
            #expect(zip(before, after).map { abs($0 - $1) }.reduce(0, +) <= 2)
        }
    }

    @Test func deathBirthFixatesToo() throws {
        let population = try ["Cooperator", "Defector", "Defector"].map { try StrategyCatalog.player(named: $0) }
        let process = try MoranProcess(population: population, settings: MatchSettings(length: .turns(10)), mode: .deathBirth)
        let run = process.run(seed: 1)
        #expect(run.winner != nil)
        #expect(run.populations.last?.reduce(0, +) == 3)
    }
}

@Suite struct ReplicatorDynamicsTests {
    /// With A = [[1, 1], [0, 0]] strategy 1 earns 1 and strategy 2 earns 0 whatever the mix,
    /// so dx/dt = x(1 − x): the logistic equation, x(t) = 1 / (1 + (1/x₀ − 1)e^(−t)).
    @Test func logisticGrowthMatchesTheClosedForm() throws {
        let dynamics = try ReplicatorDynamics(payoffs: [[1, 1], [0, 0]])
        let path = try dynamics.trajectory(start: [0.1, 0.9], step: 0.01, steps: 500)
        let exact = 1 / (1 + (1 / 0.1 - 1) * exp(-5.0))  // t = 5: 0.942...
        #expect(abs(path[500][0] - exact) < 1e-8)
        #expect(abs(path[500][0] + path[500][1] - 1) < 1e-12)
    }

    /// In the tournament's Prisoner's Dilemma between Tit For Tat and Defector, a population
    /// with enough Tit For Tat players grows it (Axelrod 1984, ch. 3).
    @Test func titForTatInvadesDefectorsFromAMajority() throws {
        let players = try ["TitForTat", "Defector"].map { try StrategyCatalog.player(named: $0) }
        let result = try Tournament(players: players, settings: MatchSettings(length: .turns(200)), repetitions: 1).play(jobs: 1)
        let dynamics = try ReplicatorDynamics(payoffs: result.payoffMatrix)
        let path = try dynamics.trajectory(start: [0.5, 0.5], step: 0.1, steps: 300)
        #expect((path.last?[0] ?? 0) > 0.99)
    }

    @Test func refusesBadInput() {
        #expect(throws: RepeatedGameError.self) { try ReplicatorDynamics(payoffs: [[1, 2]]) }
        #expect(throws: RepeatedGameError.self) { try ReplicatorDynamics(payoffs: [[1]]).trajectory(start: [-1]) }
    }
}

@Suite struct MatchTests {
    /// TFT vs Defector over 5 turns by hand: CD DD DD DD DD → TFT 0 + 4·1 = 4, Defector 5 + 4 = 9.
    @Test func titForTatAgainstDefectorByHand() throws {
        let record = RepeatedMatch.play(try StrategyCatalog.player(named: "TitForTat"), try StrategyCatalog.player(named: "Defector"),
                                        settings: try MatchSettings(length: .turns(5)))
        #expect(Choice.text(record.first) == "CDDDD")
        #expect(record.summary.firstScore == 4)
        #expect(record.summary.secondScore == 9)
        #expect(record.summary.winner == 1)
    }

    /// Noise 1 flips every move: Cooperator plays D every turn, and TFT sees (and copies) it.
    @Test func fullNoiseFlipsEveryMoveAndHistoriesRecordTheFlip() throws {
        let record = RepeatedMatch.play(try StrategyCatalog.player(named: "Cooperator"), try StrategyCatalog.player(named: "TitForTat"),
                                        settings: try MatchSettings(length: .turns(4), noise: 1))
        #expect(Choice.text(record.first) == "DDDD")
        // TFT means C then copies D (→ D), each flipped: D, C, C, C.
        #expect(Choice.text(record.second) == "DCCC")
    }

    /// Geometric lengths: the mean of 1/p, here 1/0.1 = 10 (4000 matches: SE 9.5/√4000 ≈ 0.15).
    @Test func endProbabilityGivesGeometricLengths() throws {
        let settings = try MatchSettings(length: .endProbability(0.1, maximumTurns: 10_000))
        let players = StrategyCatalog.classic
        let lengths = (0..<4000).map { RepeatedMatch.summary(players[0], players[1], settings: settings, seed: 5, index: UInt64($0)).turns }
        let mean = Double(lengths.reduce(0, +)) / 4000
        #expect(abs(mean - 10) < 0.75)
        #expect(lengths.min() ?? 0 >= 1)
    }

    /// A stag hunt (R=4, S=0, T=3, P=2): two Tit For Tats earn R every turn.
    @Test func anyStageGame() throws {
        let game = try StageGame(r: 4, s: 0, t: 3, p: 2)
        let tft = try StrategyCatalog.player(named: "TitForTat")
        let record = RepeatedMatch.play(tft, tft, settings: try MatchSettings(game: game, length: .turns(10)))
        #expect(record.summary.firstScore == 40)
        #expect(throws: RepeatedGameError.self) { try StageGame(first: [[1, 2]], second: [[1, 2], [3, 4]]) }
        #expect(throws: RepeatedGameError.self) { try MatchSettings(noise: 1.5) }
    }

    @Test func catalogueHasOver100NamedStrategiesWithSources() {
        // 231 of axelrod 4.14's 244 strategies (AxelrodCatalogueTests) and MemoryOnePlayer.
        #expect(StrategyCatalog.entries.count == 232)
        #expect(Set(StrategyCatalog.all.map(\.name)).count == 232)
        #expect(StrategyCatalog.all.allSatisfy { !$0.source.isEmpty })
        #expect(StrategyCatalog.firstTournament.count == 15)
    }

    @Test func lookupAcceptsKeysNamesAndParameters() throws {
        #expect(try StrategyCatalog.player(named: "tit for tat").name == "Tit For Tat")
        #expect(try StrategyCatalog.player(named: "Win-Stay Lose-Shift").name == "Win-Stay Lose-Shift")
        #expect(try StrategyCatalog.player(named: "Random:0.3").name == "Random: 0.3")
        #expect(try StrategyCatalog.player(named: "GTFT:0.1").name == "GTFT: 0.1")
        let m = try StrategyCatalog.player(named: "MemoryOne:1:0:0:1")
        #expect(!m.isStochastic)
        #expect(throws: RepeatedGameError.self) { try StrategyCatalog.player(named: "Random:1.5") }
        #expect(throws: RepeatedGameError.self) { try StrategyCatalog.player(named: "TitForTwoTatz") }
    }

    /// GTFT's forgiveness in the default game is min(1 − 2/3, 2/4) = 1/3 (hand-computed):
    /// against Defector it cooperates on ≈ 1/3 of turns after the first.
    @Test func generousTitForTatForgivesAThird() throws {
        let gtft = try StrategyCatalog.player(named: "GTFT")
        let defector = try StrategyCatalog.player(named: "Defector")
        let settings = try MatchSettings(length: .turns(1001))
        var cooperations = 0
        for k in 0..<20 {
            cooperations += RepeatedMatch.summary(gtft, defector, settings: settings, seed: 9, index: UInt64(k)).firstCooperations - 1
        }
        let rate = Double(cooperations) / 20_000  // SE √(2/9/20000) ≈ 0.0033
        #expect(abs(rate - 1.0 / 3.0) < 0.02)
    }
}
