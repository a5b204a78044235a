@testable import ParleyBargaining
import ParleyCore
import Testing

/// The spatial model against KTAB's reference run of dummyData_3Dim.csv with default
/// parameters (KTAB, MIT, KAPSARC): the printed log to its precision, and the full-log SQLite
/// to full precision.
@Suite struct SpatialKTABReferenceTests {
    let fixture: KTABFixture
    let run: SpatialRun

    init() throws {
        fixture = try KTABFixture.load()
        run = try SpatialModel().simulate(fixture.makeScenario())
    }

    @Test func turnsAndStopReason() {
        // The log: "There were 11 states, with 10 steps between them".
        #expect(run.states.count == fixture.log.states)
        #expect(run.turns.count == fixture.log.states - 1)
        #expect(run.stopReason == .converged(round: 10))
    }

    @Test func fractionalChangeOfEveryTurnToPrintedPrecision() {
        let ours = run.states.dropFirst().compactMap(\.fractionalChange)
        #expect(ours.count == fixture.log.fractional_change.count)
        for (turn, (value, printed)) in zip(ours, fixture.log.fractional_change).enumerated() {
            // printed with %.4f
            #expect(abs(value - printed) <= 0.00005 + 1e-12, "turn \(turn + 1): \(value) vs \(printed)")
        }
    }

    @Test func everyPositionEveryTurnToPrintedPrecision() {
        for (t, state) in run.states.enumerated() where t < fixture.log.positions.count {
            for (a, actor) in state.positions.enumerated() {
                for (k, value) in actor.enumerated() {
                    let printed = fixture.log.positions[t][a][k]
                    // printed with %5.1f
                    #expect(abs(value - printed) <= 0.05 + 1e-9, "state \(t), actor \(a), dim \(k): \(value) vs \(printed)")
                }
            }
        }
    }

    @Test func everyPositionEveryTurnMatchesTheFullLog() {
        #expect(run.states.count == fixture.sqlite.positions.count)
        for (t, state) in run.states.enumerated() where t < fixture.sqlite.positions.count {
            for (a, actor) in state.positions.enumerated() {
                for (k, value) in actor.enumerated() {
                    let logged = fixture.sqlite.positions[t][a][k]
                    #expect(abs(value - logged) < 1e-9, "state \(t), actor \(a), dim \(k): \(value) vs \(logged)")
                }
            }
        }
    }

    @Test func winProbabilitiesOfEveryStateToPrintedPrecision() {
        for (t, state) in run.states.enumerated() where t < fixture.log.win_probabilities.count {
            for (a, value) in state.winProbabilities.enumerated() {
                let printed = fixture.log.win_probabilities[t][a]
                // printed with %.4f
                #expect(abs(value - printed) <= 0.00005 + 1e-12, "state \(t), actor \(a): \(value) vs \(printed)")
            }
        }
    }

    @Test func riskAttitudesOfEveryStateToPrintedPrecision() {
        #expect(fixture.log.risk_attitudes.count == run.states.count)
        for (t, state) in run.states.enumerated() where t < fixture.log.risk_attitudes.count {
            for (a, value) in state.riskAttitudes.enumerated() {
                let printed = fixture.log.risk_attitudes[t][a]
                // printed with %+.3f
                #expect(abs(value - printed) <= 0.0005 + 1e-12, "state \(t), actor \(a): \(value) vs \(printed)")
            }
        }
    }

    @Test func turnZeroUtilitiesOfEveryEstimator() throws {
        let input = try SpatialInput(scenario: fixture.makeScenario(), settings: SpatialSettings(), model: "spatial")
        let assessment = try SpatialAssessment(input.initial, problem: input.problem)
        let n = input.problem.actorCount
        for h in 0..<n {
            for i in 0..<n {
                for j in 0..<n {
                    let logged = fixture.sqlite.turn0_utilities[h][i][j]
                    #expect(abs(assessment.utility(estimator: h, i, j) - logged) < 1e-12, "U^\(h)(\(i), \(j))")
                }
            }
        }
    }

    @Test func turnZeroChallengesOfEveryInitiator() throws {
        let input = try SpatialInput(scenario: fixture.makeScenario(), settings: SpatialSettings(), model: "spatial")
        let assessment = try SpatialAssessment(input.initial, problem: input.problem)
        #expect(fixture.sqlite.turn0_challenges.count == 42)
        for logged in fixture.sqlite.turn0_challenges {
            let i = logged.initiator
            let ours = SpatialChallenge.estimate(estimator: i, for: i, initiator: i, receiver: logged.receiver,
                                                 assessment: assessment, problem: input.problem)
            #expect(abs(ours.probability - logged.probability) < 1e-12, "P(\(i) > \(logged.receiver))")
            // UtilChlg stores %f text (6 decimals) for the utilities
            #expect(abs(ours.gain - logged.gain) < 2e-6, "gain of \(i) -> \(logged.receiver)")
        }
    }

    @Test func everyBargainEveryTurnWithItsSelectionProbabilities() throws {
        for turn in run.turns {
            let logged = fixture.sqlite.bargains.filter { $0.turn == turn.index - 1 }
            let proposals = logged.filter { $0.initiator != $0.receiver }
            #expect(proposals.count == turn.bargains.count, "turn \(turn.index)")
            for entry in proposals {
                let index = try #require(turn.bargains.firstIndex { $0.initiator == entry.initiator && $0.receiver == entry.receiver })
                let bargain = turn.bargains[index]
                let challenge = try #require(turn.challenges.first { $0.initiator == entry.initiator })
                #expect(abs(challenge.gain - entry.value) < 1e-12)
                for (ours, theirs) in zip(bargain.initiatorPosition, entry.initiator_position ?? []) {
                    #expect(abs(ours - theirs) < 1e-9)
                }
                for (ours, theirs) in zip(bargain.receiverPosition, entry.receiver_position ?? []) {
                    #expect(abs(ours - theirs) < 1e-9)
                }
                let initiatorChoice = turn.choices[entry.initiator]
                let receiverChoice = turn.choices[entry.receiver]
                let atInitiator = try #require(initiatorChoice.options.firstIndex(of: index))
                let atReceiver = try #require(receiverChoice.options.firstIndex(of: index))
                #expect(abs(initiatorChoice.probabilities[atInitiator] - entry.initiator_probability) < 1e-9)
                #expect(abs(receiverChoice.probabilities[atReceiver] - (entry.receiver_probability ?? -1)) < 1e-9)
                #expect((initiatorChoice.chosen == atInitiator) == entry.initiator_selected)
                #expect((receiverChoice.chosen == atReceiver) == entry.receiver_selected)
            }
            for entry in logged where entry.initiator == entry.receiver {
                let choice = turn.choices[entry.initiator]
                #expect(abs(choice.probabilities[0] - entry.initiator_probability) < 1e-9, "status quo of \(entry.initiator)")
                #expect((choice.chosen == 0) == entry.initiator_selected)
            }
        }
    }

    /// KTAB's reference log prints, for the first turn, the receiver's interpolation and the
    /// "power-weighted compromise" beside the bargain it uses (%.3f):
    /// `Bargain [1007, 0:6] from 6's perspective`, `Power-weighted compromise [1008, 0:6]`, and
    /// the same for 5 challenging 1 ([1010], [1011]).
    @Test(arguments: [
        (0, 6, [71.080, 33.450, 90.120], [71.080, 33.450, 90.120], [73.317, 29.169, 81.149], [73.317, 29.174, 81.149]),
        (5, 1, [82.930, 55.830, 65.990], [82.930, 55.830, 65.990], [83.666, 44.845, 76.254], [83.666, 44.845, 76.254]),
    ])
    func receiverViewAndCompromiseOfTheFirstTurn(
        initiator: Int, receiver: Int, viewI: [Double], viewJ: [Double], compromiseI: [Double], compromiseJ: [Double]
    ) throws {
        func firstTurnBargains(_ model: SpatialSettings.BargainModel) throws -> [SpatialRun.Bargain] {
            var settings = SpatialSettings()
            settings.bargainModel = model
            let run = try SpatialModel().simulate(fixture.makeScenario(settings: settings))
            return try #require(run.turns.first).bargains.filter { $0.initiator == initiator && $0.receiver == receiver }
        }
        let both = try firstTurnBargains(.initReceiver)
        #expect(both.count == 2)
        let compromise = try firstTurnBargains(.pairwiseCompromise)
        #expect(compromise.count == 1)
        func close(_ ours: [Double]?, _ printed: [Double]) -> Bool {
            guard let ours else { return false }
            return zip(ours, printed).allSatisfy { abs($0 - $1) <= 0.0005 + 1e-9 }
        }
        #expect(close(both.last?.initiatorPosition, viewI))
        #expect(close(both.last?.receiverPosition, viewJ))
        #expect(close(compromise.first?.initiatorPosition, compromiseI))
        #expect(close(compromise.first?.receiverPosition, compromiseJ))
    }

    @Test func forecastIsTheProbabilityWeightedPositionInIssueUnits() throws {
        let scenario = try fixture.makeScenario()
        let modelRun = try SpatialModel().run(scenario)
        let final = try #require(run.states.last)
        // independent: Σ over distinct positions of probability × coordinate
        for (k, issue) in scenario.issues.enumerated() {
            let expected = final.uniquePositions.reduce(0.0) { $0 + $1.probability * final.positions[$1.actor][k] }
            let value = try #require(modelRun.value(for: issue.id))
            #expect(abs(value - expected) < 1e-9)
        }
        #expect(modelRun.trajectory.rounds.count == 11)
        #expect(modelRun.stopReason == .converged(round: 10))
        let probabilities = final.uniquePositions.map(\.probability)
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-12)
    }
}
