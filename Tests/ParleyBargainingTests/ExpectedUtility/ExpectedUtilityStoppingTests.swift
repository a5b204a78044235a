import Foundation
import ParleyBargaining
import ParleyCore
import PropertyBased
import Testing

/// Convergence, cycles, the round limit, issue-by-issue runs and invalid options.
@Suite struct ExpectedUtilityStoppingTests {
    /// Under `.dmasad`, a (capability 1, position 60, salience 40) flips between b's 0 and c's 70
    /// for ever: b (4, 0, 90) and c (2, 70, 80) never move. Found by scripts/eum_reference.py.
    static let flipping: [(String, Double, Double, Double)] = [("a", 1, 60, 40), ("b", 4, 0, 90), ("c", 2, 70, 80)]

    @Test func exactTwoRoundCycleIsReportedWithItsStart() throws {
        let run = try #require(try ExpectedUtilityModel(parameters: .dmasad).runIssues(try EUTestSupport.oneIssue(Self.flipping)).first)
        #expect(run.positions == [[60, 0, 70], [0, 0, 70], [70, 0, 70], [0, 0, 70]])
        // Round 3 repeats round 1 (round 2 differs from both neighbours): start 1, period 2.
        #expect(run.stopReason == .cycle(start: 1, period: 2))
        // Past the stop the cycle repeats.
        #expect(run.positions(atRound: 4) == [70, 0, 70])
        #expect(run.positions(atRound: 9) == [0, 0, 70])
    }

    @Test func roundLimitIsReportedWhenPositionsStillMove() throws {
        var parameters = ExpectedUtilityModel.Parameters.textbook
        parameters.roundLimit = 3
        let run = try ExpectedUtilityModel(parameters: parameters).run(try EUTestSupport.ec())
        #expect(run.stopReason == .roundLimit(3))
        #expect(run.trajectory.rounds.map(\.index) == [0, 1, 2, 3])
        #expect(run.outcomes.first?.note?.contains("round limit 3") == true)
    }

    @Test func convergenceIsTheFirstRoundThatMovesLessThanTheTolerance() throws {
        let run = try #require(try ExpectedUtilityModel().runIssues(try EUTestSupport.ec()).first)
        guard case .converged(let round) = run.stopReason else {
            Issue.record("expected convergence, got \(run.stopReason)")
            return
        }
        func moved(_ t: Int) -> Double { zip(run.positions[t], run.positions[t - 1]).map { abs($0 - $1) }.max() ?? 0 }
        let tolerance = 1e-6 * 6
        #expect(moved(round) <= tolerance)
        for t in 1..<round { #expect(moved(t) > tolerance, "round \(t) already moved less than the tolerance") }
    }

    @Test func issuesRunIndependentlyAndSkipStakeholdersWithoutAStance() throws {
        let x = try PolicyIssue(id: "x", name: "X", scale: .percent)
        let y = try PolicyIssue(id: "y", name: "Y", scale: .percent)
        let stakeholders = try [
            Stakeholder(id: "a", name: "A", capability: 1, stances: [Stance(issue: "x", position: 60, salience: 40), Stance(issue: "y", position: 0, salience: 40)]),
            Stakeholder(id: "b", name: "B", capability: 4, stances: [Stance(issue: "x", position: 0, salience: 90), Stance(issue: "y", position: 20, salience: 80)]),
            Stakeholder(id: "d", name: "D", capability: 9, stances: [Stance(issue: "y", position: 100, salience: 80)]),
            Stakeholder(id: "c", name: "C", capability: 2, stances: [Stance(issue: "x", position: 70, salience: 80)]),
        ]
        let scenario = try Scenario(name: "two issues", issues: [x, y], stakeholders: stakeholders)
        let model = ExpectedUtilityModel(parameters: .dmasad)
        let runs = try model.runIssues(scenario)
        #expect(runs.map(\.issue) == ["x", "y"])
        #expect(runs[0].stakeholders == ["a", "b", "c"])
        #expect(runs[1].stakeholders == ["a", "b", "d"])
        // Issue x alone gives the same run: d's presence on y does not reach x.
        let alone = try #require(try model.runIssues(try EUTestSupport.oneIssue(Self.flipping)).first)
        #expect(runs[0].positions == alone.positions && runs[0].stopReason == alone.stopReason)

        let run = try model.run(scenario)
        let longest = max(runs[0].roundsRun, runs[1].roundsRun)
        #expect(run.trajectory.rounds.count == longest + 1)
        for round in run.trajectory.rounds {
            #expect(round.positions.map(\.stakeholder) == ["a", "b", "d", "c"])
            #expect(round.positions.map { $0.values.map(\.issue) } == [["x", "y"], ["x", "y"], ["y"], ["x"]])
            // a's position on x follows the exact cycle 0, 70, 0, ... from round 1 on.
            if round.index >= 1 {
                #expect(round.positions[0].values[0].value == (round.index.isMultiple(of: 2) ? 70 : 0))
            }
        }
        if case .roundLimit = runs[1].stopReason {
            #expect(run.stopReason == .roundLimit(model.parameters.roundLimit))
        } else {
            #expect(run.stopReason == .cycle(start: 1, period: 2))
        }
    }

    @Test func issuesWithoutWeightOrSpreadDoNotMove() throws {
        let noWeight = try EUTestSupport.oneIssue([("a", 0, 10, 50), ("b", 3, 90, 0)])
        let run = try ExpectedUtilityModel().run(noWeight)
        #expect(run.outcomes[0].value == nil)
        #expect(run.outcomes[0].note?.contains("no stakeholder") == true)
        #expect(run.stopReason == .converged(round: 0))

        let agreed = try EUTestSupport.oneIssue([("a", 1, 40, 50), ("b", 3, 40, 20)])
        let same = try ExpectedUtilityModel().run(agreed)
        #expect(same.outcomes[0].value == 40)
        #expect(same.trajectory.rounds.count == 1)
    }

    @Test(arguments: [
        ExpectedUtilityModel.Parameters(roundLimit: 0), .init(tolerance: -1), .init(q: 1.5), .init(t: .fixed(.nan)),
    ])
    func unusableParametersAreTypedErrors(_ parameters: ExpectedUtilityModel.Parameters) throws {
        #expect(!parameters.problems.isEmpty)
        #expect(throws: ModelError.self) { try ExpectedUtilityModel(parameters: parameters).run(try EUTestSupport.ec()) }
    }

    @Test func presetsAreNamedAndDistinct() {
        let presets = ExpectedUtilityModel.Parameters.presets
        #expect(presets.map(\.name) == ["textbook", "dmasad", "jmckib", "scholz"])
        #expect(Set(presets.map(\.parameters)).count == 4)
        #expect(ExpectedUtilityModel.Parameters.preset(named: "textbook") == ExpectedUtilityModel.Parameters())
        #expect(ExpectedUtilityModel().name == "expected-utility")
    }

    @Test func positionsAndForecastsStayWithinTheOpeningPositions() async {
        // Every move goes to another actor's position or between two, so no position leaves
        // the opening range, and every forecast (median or mean) lies inside it.
        await propertyCheck(count: 12, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 2...7)) { seed, size in
            guard let scenario = SyntheticScenario.make(stakeholders: size, issues: 2, seed: seed) else {
                Issue.record("generation failed for seed \(seed)")
                return
            }
            for preset in ExpectedUtilityModel.Parameters.presets {
                var parameters = preset.parameters
                parameters.roundLimit = 30
                parameters.riskReference = seed.isMultiple(of: 2) ? .allActors : .ownAlternatives
                guard let runs = try? ExpectedUtilityModel(parameters: parameters).runIssues(scenario) else {
                    Issue.record("run failed")
                    return
                }
                for run in runs {
                    guard let opening = run.positions.first, let low = opening.min(), let high = opening.max() else { continue }
                    for positions in run.positions {
                        #expect(positions.allSatisfy { $0 >= low - 1e-9 && $0 <= high + 1e-9 }, "\(preset.name) seed \(seed)")
                    }
                    for forecast in run.forecasts.compactMap({ $0 }) {
                        #expect(forecast >= low - 1e-9 && forecast <= high + 1e-9)
                    }
                    #expect(run.roundsRun <= 30)
                }
            }
        }
    }
}
