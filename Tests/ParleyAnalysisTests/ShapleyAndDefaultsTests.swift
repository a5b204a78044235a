@testable import ParleyAnalysis
import ParleyBargaining
import ParleyCore
import Testing

/// One 0-100 issue with status quo 50: A at 100 (capability 3), B at 20 (capability 1), C an
/// observer at 55 with no capability; all salience 100.
private func pushAndPull(forum: Forum? = nil) throws -> Scenario {
    let issue = try PolicyIssue(id: "x", name: "X", scale: .percent, statusQuo: StatusQuo(value: 50))
    return try Scenario(name: "push", issues: [issue], stakeholders: [
        Stakeholder(id: "a", name: "A", capability: 3, stances: [Stance(issue: "x", position: 100, salience: 100)]),
        Stakeholder(id: "b", name: "B", capability: 1, stances: [Stance(issue: "x", position: 20, salience: 100)]),
        Stakeholder(id: "c", name: "C", capability: 0, stances: [Stance(issue: "x", position: 55, salience: 100)]),
    ], forum: forum)
}

@Suite struct ShapleyInWhoWonTests {
    @Test func weightedMeanSharesMatchAHandCalculation() throws {
        // Weighted mean, weights capability x salience: v(N) = (3·100 + 1·20)/4 = 80; v(∅) = the
        // status quo 50; v({A}) = 100, v({B}) = 20; C has no weight, so adding C changes nothing.
        // φ_A = ½[(100 − 50) + (80 − 20)] = 55, φ_B = ½[(20 − 50) + (80 − 100)] = −25, φ_C = 0;
        // the movement is 30, so the shares are 55/30 = 183.3%, −83.3% and 0.
        let scenario = try pushAndPull()
        let forecast = try ScenarioForecast(scenario: scenario, models: try ModelChoice.models(named: ["weighted-mean"]), winners: true)
        let table = try #require(forecast.standings?.first { $0.source == "weighted-mean" })
        #expect(table.shapleyMethod == .exact)
        #expect(abs((table.standing(of: "a")?.shapley ?? .nan) - 5500.0 / 30) < 1e-9)
        #expect(abs((table.standing(of: "b")?.shapley ?? .nan) + 2500.0 / 30) < 1e-9)
        #expect(table.standing(of: "c")?.shapley == 0)
        #expect(table.standing(of: "a")?.issues.first?.shapley.map { abs($0 - 5500.0 / 30) < 1e-9 } == true)
        #expect(table.standing(of: "a")?.shapleyError == nil)
    }

    @Test func iterativeModelsGetNoShapleyValues() throws {
        let scenario = try pushAndPull()
        let forecast = try ScenarioForecast(scenario: scenario, models: try ModelChoice.models(named: ["expected-utility"]), winners: true)
        #expect(forecast.standings?.first { $0.source == "expected-utility" }?.shapleyMethod == nil)
    }

    @Test func sharesSumToTheWholeMovementBeyondTheExactLimit() throws {
        // 14 stakeholders: sampled orders; every order telescopes, so the shares still sum to 100%.
        let issue = try PolicyIssue(id: "x", name: "X", scale: .percent, statusQuo: StatusQuo(value: 10))
        let people = try (0..<14).map { i in
            try Stakeholder(id: "s\(i)", name: "S\(i)", capability: Double(i + 1), stances: [Stance(issue: "x", position: Double(i * 7), salience: 80)])
        }
        let scenario = try Scenario(name: "many", issues: [issue], stakeholders: people)
        let forecast = try ScenarioForecast(scenario: scenario, models: try ModelChoice.models(named: ["weighted-median"]), winners: true)
        let table = try #require(forecast.standings?.first { $0.source == "weighted-median" })
        #expect(table.shapleyMethod == .sampled(permutations: 1000))
        let total = table.standings.compactMap(\.shapley).reduce(0, +)
        #expect(abs(total - 100) < 1e-6)
        #expect(table.standings.allSatisfy { $0.shapleyError != nil })
    }
}

@Suite struct DefaultModelsTests {
    @Test func theProceduralModelJoinsTheDefaultsWhenTheScenarioHasAForum() throws {
        let plain = try pushAndPull()
        #expect(try ModelChoice.models(named: [], for: plain).map(\.name) == ModelCatalog.names)
        #expect(ModelChoice.skipped(named: [], scenario: plain) != nil)
        let forum = try pushAndPull(forum: Forum(rule: .consensus, setter: "a"))
        let names = try ModelChoice.models(named: [], for: forum).map(\.name)
        #expect(names == ModelCatalog.members.map(\.name) + ["procedural", "ensemble"])
        #expect(ModelChoice.skipped(named: [], scenario: forum) == nil)
        // The ensemble, named or by default, combines the procedural model too.
        let ensemble = try #require(try ModelChoice.models(named: ["ensemble"], for: forum).first as? EnsembleModel)
        #expect(ensemble.members.map(\.name).contains("procedural"))
        #expect(try ModelChoice.models(named: ["nash"], for: forum).map(\.name) == ["nash"])
    }
}

@Suite struct EnsembleOverDistinctForecastsTests {
    @Test func modelsThatAgreeCountOnce() throws {
        // Forecasts 60, 60.01, 60 and 70 on a 0-100 issue: three agree (within 0.05), so the
        // distinct forecasts are 60 and 70: range 60-70, standard deviation 5 (not the 4.33 of
        // all four). The median stays over every member: (60 + 60.01) / 2 = 60.005.
        let issue = try PolicyIssue(id: "x", name: "X", scale: .percent)
        let scenario = try Scenario(name: "e", issues: [issue], stakeholders: [
            Stakeholder(id: "a", name: "A", capability: 1, stances: [Stance(issue: "x", position: 60, salience: 50)]),
        ])
        let runs = zip(["m1", "m2", "m3", "m4"], [60, 60.01, 60, 70]).map { name, value in
            ModelRun(model: name, outcomes: [IssueOutcome(issue: "x", value: value)],
                     trajectory: Trajectory(opening: scenario, forecast: [Trajectory.IssueValue(issue: "x", value: value)]), stopReason: .closedForm)
        }
        let combined = EnsembleModel(members: []).combine(runs, scenario: scenario, requireMembers: false)
        #expect(abs((combined.value(for: "x") ?? .nan) - 60.005) < 1e-12)
        #expect(combined.outcomes.first?.note == "median of 4 models giving 2 distinct forecasts (range 60.0-70.0, standard deviation 5.0 over the distinct ones)")
        #expect(EnsembleModel.distinct([1, 1.04, 1.06, 2], within: 0.05) == [1, 1.06, 2])
    }
}
