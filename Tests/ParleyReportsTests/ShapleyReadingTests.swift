import ParleyAnalysis
import ParleyBargaining
import ParleyCore
@testable import ParleyReports
import Testing

@Suite struct ShapleyReadingTests {
    @Test func theReadingNamesWhoMovedTheOutcomeAndWhetherModelsAgree() throws {
        // One issue, status quo 50; A at 100 (capability 3), B at 20 (capability 1), salience 100.
        // Weighted mean: v(N) = 80, φ_A = 55, φ_B = −25 of a movement of 30: A 183.3%, B −83.3%.
        // Weighted median: v(N) = 100 (A's weight outvotes B's), φ_A = ½[(100 − 50) + (100 − 20)] = 65,
        // φ_B = ½[(20 − 50) + 0] = −15 of 50: A 130%, B −30%. Both models: A moved it most.
        let issue = try PolicyIssue(id: "x", name: "X", scale: .percent, statusQuo: StatusQuo(value: 50))
        let scenario = try Scenario(name: "push", issues: [issue], stakeholders: [
            Stakeholder(id: "a", name: "A", capability: 3, stances: [Stance(issue: "x", position: 100, salience: 100)]),
            Stakeholder(id: "b", name: "B", capability: 1, stances: [Stance(issue: "x", position: 20, salience: 100)]),
        ])
        let forecast = try ScenarioForecast(scenario: scenario, models: try ModelChoice.models(named: ["weighted-mean", "weighted-median"]), winners: true)
        let median = try #require(forecast.standings?.first { $0.source == "weighted-median" })
        #expect(abs((median.standing(of: "a")?.shapley ?? 0) - 130) < 1e-9)
        #expect(abs((median.standing(of: "b")?.shapley ?? 0) + 30) < 1e-9)
        let text = try #require(WhoWonReading.shapley(forecast.allStandings, scenario: scenario))
        #expect(text.contains("(Shapley shares, weighted-mean): A 183"))
        #expect(text.hasSuffix("weighted-mean and weighted-median agree that A moved it most."))
        // Disagreeing leaders are grouped by stakeholder.
        #expect(WhoWonReading.groupedLeaders([("m1", "a"), ("m2", "b"), ("m3", "a")], scenario: scenario) == ["A under m1 and m3", "B under m2"])
    }
}
