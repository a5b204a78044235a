import ParleyAnalysis
import ParleyBargaining
import ParleyCore
import ParleyGames
import ParleySimulation
import Testing

/// Three parties on one 0-100 issue with an observed outcome of 40.
func threeParties(observed: Double? = 40, uncertainty: Uncertainty? = nil) throws -> Scenario {
    let issue = try PolicyIssue(id: "x", name: "X", scale: .percent, observed: observed.map { ObservedOutcome(value: $0) })
    let parties = try [(80.0, 20.0, 50.0), (20, 50, 100), (50, 100, 10)].enumerated().map { index, row in
        try Stakeholder(id: "p\(index)", name: "P\(index)", capability: row.2, stances: [Stance(issue: "x", position: row.0, salience: row.1)])
    }
    return try Scenario(name: "three", issues: [issue], stakeholders: parties, uncertainty: uncertainty)
}

@Suite struct ModelChoiceTests {
    @Test func namesCommasAndDefaults() throws {
        #expect(try ModelChoice.models(named: []).map(\.name) == ModelCatalog.names)
        #expect(try ModelChoice.models(named: ["nash", "weighted-mean, spatial"]).map(\.name) == ["nash", "weighted-mean", "spatial"])
        #expect(throws: AnalysisError.self) { try ModelChoice.models(named: ["nash", "oracle"]) }
        do {
            _ = try ModelChoice.models(named: ["oracle"])
        } catch {
            #expect(error.code == .unknownModel)
            #expect(error.message == "unknown model 'oracle'")
            #expect(error.hint?.contains("weighted-mean") == true)
        }
    }

    @Test func driverModelIsTheEnsembleWhenItRan() throws {
        #expect(ModelChoice.driverModel(in: ModelCatalog.all)?.name == "ensemble")
        #expect(ModelChoice.driverModel(in: try ModelChoice.models(named: ["nash", "weighted-mean"]))?.name == "nash")
        #expect(ModelChoice.driverModel(in: []) == nil)
    }
}

@Suite struct ScenarioForecastTests {
    @Test func standingsAreHistoryThenEachModel() throws {
        let scenario = try threeParties()
        let forecast = try ScenarioForecast(scenario: scenario, models: try ModelChoice.models(named: ["weighted-mean", "weighted-median"]), winners: true)
        let standings = try #require(forecast.standings)
        #expect(standings.map(\.source) == ["history", "weighted-mean", "weighted-median"])
        // Against history (40): distances |80-40| = 40, |20-40| = 20, |50-40| = 10 → ranks 3, 2, 1.
        #expect(standings[0].standings.map(\.rank) == [3, 2, 1])
        #expect(forecast.parameters.key == #"{"models": ["weighted-mean", "weighted-median"]}"#)
        // Without --winners nothing is ranked, but the report can still ask.
        let plain = try ScenarioForecast(scenario: scenario, models: [WeightedMeanModel()])
        #expect(plain.standings == nil)
        #expect(plain.allStandings.map(\.source) == ["history", "weighted-mean"])
    }

    @Test func noObservedOutcomeMeansNoHistoryStanding() throws {
        let forecast = try ScenarioForecast(scenario: try threeParties(observed: nil), models: [WeightedMeanModel()], winners: true)
        #expect(forecast.standings?.map(\.source) == ["weighted-mean"])
    }
}

@Suite struct ModelAgreementTests {
    @Test func coincidingModelsFormOneGroup() throws {
        // Weighted median of (80 w=20*50=1000), (20 w=5000), (50 w=1000): 20 holds over half the weight.
        // Weighted mean: (80*1000 + 20*5000 + 50*1000)/7000 = 230000/7000 = 32.857...
        let scenario = try threeParties()
        let report = try ForecastReport(scenario: scenario, models: [WeightedMeanModel(), WeightedMedianModel(), WeightedMedianModel()])
        let agreement = ModelAgreement(report: report, scenario: scenario)
        let groups = try #require(agreement.issues.first?.groups)
        #expect(groups.count == 2)
        #expect(abs(groups[0].value - 230_000.0 / 7_000) < 1e-9)
        #expect(groups[1].value == 20)
        #expect(groups[1].models == ["weighted-median", "weighted-median"])
        #expect(agreement.distinctCount("x") == 2)
        #expect(abs((agreement.issues.first?.spread ?? 0) - (230_000.0 / 7_000 - 20)) < 1e-9)
    }

    @Test func theEnsembleIsNotAnotherOpinion() throws {
        let scenario = try threeParties()
        let report = try ForecastReport(scenario: scenario, models: ModelCatalog.all)
        let agreement = ModelAgreement(report: report, scenario: scenario)
        let counted = agreement.issues.flatMap(\.groups).flatMap(\.models)
        #expect(!counted.contains("ensemble"))
        #expect(counted.count == ModelCatalog.members.count)
    }
}

@Suite struct SensitivityAnalysisTests {
    @Test func workSaturatesInsteadOfOverflowing() throws {
        let scenario = try threeParties()
        #expect(SensitivityAnalysis.work(runs: 10, models: 2, scenario: scenario) == 10 * 2 * 3 * 1)
        #expect(SensitivityAnalysis.work(runs: Int.max / 2, models: 7, scenario: scenario) == Int.max)
    }

    @Test func sequentialReplicatesEqualTheParallelRunner() async throws {
        let scenario = try threeParties(uncertainty: Uncertainty(position: .sd(5)))
        let models = try ModelChoice.models(named: ["weighted-mean", "nash"])
        let plan = SensitivityAnalysis.plan(scenario: scenario, runs: 40, seed: 11, models: models)
        let sequential = try SensitivityAnalysis.replicates(scenario: scenario, models: models, plan: plan, indices: 0..<40, isCancelled: { false })
        let parallel = try await MonteCarloRunner.run(scenario: scenario, models: models, plan: plan, range: 0..<40, jobs: 2)
        #expect(sequential == parallel)
        #expect(throws: CancellationError.self) {
            try SensitivityAnalysis.replicates(scenario: scenario, models: models, plan: plan, indices: 0..<40, isCancelled: { true })
        }
    }
}

@Suite struct GameAnalysisTests {
    @Test func oneDispatchForEveryKindOfDocument() throws {
        // Prisoner's dilemma, profiles in odometer order (row fastest): CC, DC, CD, DD.
        // D strictly dominates C for both, so (D, D) is the only equilibrium.
        let game = try NormalFormGame(
            players: ["Row", "Column"], strategies: [["C", "D"], ["C", "D"]],
            payoffs: [[3, 3], [5, 0], [0, 5], [1, 1]].map { $0.map { Rational($0) } })
        let analysis = try GameAnalysis.solve(file: "pd.nfg", document: .normalForm(game))
        #expect(analysis.name == "pd.nfg")
        #expect(analysis.solution.equilibria.count == 1)
        #expect(analysis.solution.equilibria.first?.profile.supports == [[1], [1]])
        #expect(analysis.codedStatus == nil)  // a bare strategic form has no dominance map
    }
}
