import ParleyBargaining
import ParleyCore
import Testing

/// The spatial model as a ``BargainingModel``: every parameter family, reproducible
/// stochastic runs, the incremental valuation against the direct one, scales, and inputs KTAB
/// would reject.
@Suite struct SpatialModelTests {
    /// The defaults with one family changed, for every value of every family.
    static let variants: [SpatialSettings] = {
        func with(_ change: (inout SpatialSettings) -> Void) -> SpatialSettings {
            var settings = SpatialSettings()
            change(&settings)
            return settings
        }
        return SpatialSettings.VictoryProbModel.allCases.map { v in with { $0.victoryProbModel = v } }
            + SpatialSettings.PCEModel.allCases.map { v in with { $0.pceModel = v } }
            + SpatialSettings.StateTransitions.allCases.map { v in with { $0.stateTransitions = v } }
            + SpatialSettings.VotingRule.allCases.map { v in with { $0.votingRule = v } }
            + SpatialSettings.BigRAdjust.allCases.map { v in with { $0.bigRAdjust = v } }
            + SpatialSettings.BigRRange.allCases.map { v in with { $0.bigRRange = v } }
            + SpatialSettings.ThirdPartyCommit.allCases.map { v in with { $0.thirdPartyCommit = v } }
            + SpatialSettings.InterVecBargain.allCases.map { v in with { $0.interVecBargain = v } }
            + SpatialSettings.BargainModel.allCases.map { v in with { $0.bargainModel = v } }
    }()

    @Test(arguments: variants.indices)
    func everyParameterValueRunsToAValidEnd(index: Int) throws {
        let settings = Self.variants[index]
        let label = "\(settings)"
        let run = try SpatialModel().simulate(KTABFixture.load().makeScenario(settings: settings))
        #expect(run.states.count == run.turns.count + 1, "\(label)")
        #expect(run.states.count >= 3 || run.stopReason == .roundLimit(run.turns.count), "\(label): no stop before turn 2")
        for state in run.states {
            for position in state.positions.joined() { #expect((0...100).contains(position), "\(label)") }
            #expect(abs(state.uniquePositions.reduce(0.0) { $0 + $1.probability } - 1) < 1e-6, "\(label)")
        }
        for turn in run.turns {
            for choice in turn.choices {
                #expect(abs(choice.probabilities.reduce(0, +) - 1) < 1e-6, "\(label)")
                #expect(choice.options.first == .some(nil), "\(label): the status quo leads every queue")
            }
        }
    }

    @Test func defaultsAreDeterministicAndDifferentSettingsMatter() throws {
        let fixture = try KTABFixture.load()
        let first = try SpatialModel().simulate(fixture.makeScenario())
        #expect(try SpatialModel().simulate(fixture.makeScenario()) == first)
        var settings = SpatialSettings()
        settings.votingRule = .cubic
        let cubic = try SpatialModel().simulate(fixture.makeScenario(settings: settings))
        #expect(cubic.states.map(\.positions) != first.states.map(\.positions))
    }

    @Test func stochasticTransitionsAreReproducibleFromTheSeed() throws {
        let fixture = try KTABFixture.load()
        func run(settingsSeed: UInt64?, modelSeed: UInt64) throws -> SpatialRun {
            var settings = SpatialSettings()
            settings.stateTransitions = .stochastic
            settings.seed = settingsSeed
            return try SpatialModel(seed: modelSeed).simulate(fixture.makeScenario(settings: settings))
        }
        let a = try run(settingsSeed: 42, modelSeed: 1)
        #expect(try run(settingsSeed: 42, modelSeed: 1) == a)
        #expect(try run(settingsSeed: 42, modelSeed: 99) == a, "the scenario's seed overrides the run's")
        #expect(try run(settingsSeed: nil, modelSeed: 42) == a, "the run's seed applies when the scenario gives none")
        let others = try (1...6).map { try run(settingsSeed: nil, modelSeed: UInt64(1000 + $0)).states.map(\.positions) }
        #expect(others.contains { $0 != a.states.map(\.positions) }, "draws depend on the seed")
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func incrementalValuationAgreesWithDirect(seed: UInt64) throws {
        let scenario = try #require(SyntheticScenario.make(stakeholders: 12, issues: 2, seed: seed))
        let direct = try SpatialModel(valuation: .direct).simulate(scenario)
        let incremental = try SpatialModel(valuation: .incremental).simulate(scenario)
        #expect(direct.stopReason == incremental.stopReason)
        #expect(direct.turns.map { $0.choices.map(\.chosen) } == incremental.turns.map { $0.choices.map(\.chosen) })
        for (x, y) in zip(direct.states, incremental.states) {
            for (p, q) in zip(x.positions.joined(), y.positions.joined()) { #expect(abs(p - q) < 1e-9) }
        }
    }

    @Test func issueScalesOnlyRelabelPositions() throws {
        let fixture = try KTABFixture.load()
        let percent = try SpatialModel().run(fixture.makeScenario())
        let scale = try Scale(min: -20, max: 5, unit: "points")
        let other = try SpatialModel().run(fixture.makeScenario(scale: scale))
        #expect(percent.trajectory.rounds.count == other.trajectory.rounds.count)
        for (p, q) in zip(percent.outcomes, other.outcomes) {
            let a = try #require(p.value)
            let b = try #require(q.value)
            #expect(abs(scale.fromPercent(a) - b) < 1e-9)
        }
    }

    @Test func trajectoryHasEveryRoundWithItsForecast() throws {
        let scenario = try KTABFixture.load().makeScenario()
        let run = try SpatialModel().run(scenario)
        #expect(run.model == "spatial")
        #expect(run.trajectory.rounds.map(\.index) == Array(0...10))
        let opening = try #require(run.trajectory.rounds.first)
        for stakeholder in scenario.stakeholders {
            for stance in stakeholder.stances {
                #expect(opening.position(of: stakeholder.id, on: stance.issue) == stance.position)
            }
        }
        for round in run.trajectory.rounds { #expect(round.forecast.map(\.issue) == scenario.issues.map(\.id)) }
        #expect(run.trajectory.last?.forecast.map(\.value) == run.outcomes.compactMap(\.value))
    }

    @Test func inertStakeholdersAndMissingStancesAreHandled() throws {
        let issues = try ["a", "b"].map { try PolicyIssue(id: $0, name: $0, scale: .percent) }
        let stakeholders = try [
            Stakeholder(id: "p", name: "P", capability: 100, stances: [Stance(issue: "a", position: 20, salience: 60),
                                                                     Stance(issue: "b", position: 70, salience: 30)]),
            Stakeholder(id: "q", name: "Q", capability: 80, stances: [Stance(issue: "a", position: 80, salience: 90)]),
            Stakeholder(id: "r", name: "R", capability: 60, stances: [Stance(issue: "a", position: 50, salience: 40),
                                                                     Stance(issue: "b", position: 10, salience: 50)]),
            Stakeholder(id: "idle", name: "Idle", capability: 0, stances: [Stance(issue: "a", position: 99, salience: 50)]),
        ]
        let scenario = try Scenario(name: "mixed", issues: issues, stakeholders: stakeholders)
        let detail = try SpatialModel().simulate(scenario)
        #expect(detail.stakeholders == ["p", "q", "r"])
        #expect(detail.excluded == ["idle"])
        let run = try SpatialModel().run(scenario)
        for round in run.trajectory.rounds {
            #expect(round.position(of: "idle", on: "a") == 99)
            #expect(round.position(of: "q", on: "b") == nil)
        }
        #expect(run.outcomes.allSatisfy { $0.value != nil })
    }

    @Test func tooFewParticipantsIsAModelError() throws {
        let issue = try PolicyIssue(id: "x", name: "X", scale: .percent)
        let scenario = try Scenario(name: "alone", issues: [issue], stakeholders: [
            Stakeholder(id: "a", name: "A", capability: 10, stances: [Stance(issue: "x", position: 30, salience: 50)]),
            Stakeholder(id: "b", name: "B", capability: 0, stances: [Stance(issue: "x", position: 60, salience: 50)]),
        ])
        #expect(throws: ModelError.self) { try SpatialModel().run(scenario) }
    }

    @Test func invalidIdealAdjustmentsAreModelErrors() throws {
        let fixture = try KTABFixture.load()
        var settings = SpatialSettings()
        settings.idealAdjustments = [.init(adjusting: "sactor-00", reference: "sactor-01", adjust: 0.3)]
        // the diagonal stays 1, so the row sums to 1.3
        #expect(throws: ModelError.self) { try SpatialModel().run(fixture.makeScenario(settings: settings)) }
        settings.idealAdjustments = [.init(adjusting: "sactor-00", reference: "sactor-00", adjust: 0.7),
                                     .init(adjusting: "sactor-00", reference: "sactor-01", adjust: 0.3)]
        let run = try SpatialModel().simulate(fixture.makeScenario(settings: settings))
        let plain = try SpatialModel().simulate(fixture.makeScenario())
        #expect(run.states.map(\.positions) != plain.states.map(\.positions), "a lagging ideal changes the run")
    }
}
