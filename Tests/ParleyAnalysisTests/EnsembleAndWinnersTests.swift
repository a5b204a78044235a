import ParleyAnalysis
import ParleyBargaining
import ParleyCore
import Testing

/// One issue "x" on 0-100 and one stakeholder per (position, salience, capability).
func scenario(_ parties: [(position: Double, salience: Double, capability: Double)]) throws -> Scenario {
    let issue = try PolicyIssue(id: "x", name: "X", scale: .percent)
    let stakeholders = try parties.enumerated().map { index, party in
        try Stakeholder(id: "s\(index)", name: "S\(index)", capability: party.capability,
                        stances: [Stance(issue: "x", position: party.position, salience: party.salience)])
    }
    return try Scenario(name: "test", issues: [issue], stakeholders: stakeholders)
}

@Suite struct EnsembleTests {
    @Test func medianOfMemberForecasts() throws {
        // Three parties on 0-100: (80, s20, c50), (20, s50, c100), (50, s100, c10).
        // mean = 230000/7000 = 32.857; median = 20; Nash: g = D - |x - x_i| with D = 80, 80, 50 ...
        let s = try scenario([(80, 20, 50), (20, 50, 100), (50, 100, 10)])
        let members: [any BargainingModel] = [WeightedMeanModel(), WeightedMedianModel(), NashBargainingModel()]
        let values = try members.map { try #require(try $0.run(s).value(for: "x")) }
        let ensemble = try #require(try EnsembleModel(members: members).run(s).value(for: "x"))
        #expect(ensemble == values.sorted()[1])  // the middle one of three
        #expect(EnsembleModel.median([4, 1, 3, 2]) == 2.5)  // even count: mean of the middle two
        #expect(EnsembleModel.median([]) == nil)
    }

    @Test func ensembleInAReportReusesTheMembersRuns() throws {
        let s = try scenario([(80, 20, 50), (20, 50, 100), (50, 100, 10)])
        let report = try ForecastReport(scenario: s, models: ModelCatalog.all)
        #expect(report.runs.map(\.model) == ModelCatalog.names)
        let direct = try EnsembleModel(members: ModelCatalog.members).run(s)
        #expect(report.runs.last?.value(for: "x") == direct.value(for: "x"))
    }
}

@Suite struct WinnersAndLosersTests {
    @Test func handComputedStandings() throws {
        // Two issues on 0-100 and 0-10. Forecast (weighted mean) and positions:
        let a = try PolicyIssue(id: "a", name: "A", scale: .percent, observed: ObservedOutcome(value: 60))
        let b = try PolicyIssue(id: "b", name: "B", scale: try Scale(min: 0, max: 10), observed: ObservedOutcome(value: 5))
        let p = try Stakeholder(id: "p", name: "P", capability: 1, stances: [
            Stance(issue: "a", position: 80, salience: 90), Stance(issue: "b", position: 0, salience: 10),
        ])
        let q = try Stakeholder(id: "q", name: "Q", capability: 1, stances: [
            Stance(issue: "a", position: 50, salience: 30), Stance(issue: "b", position: 6, salience: 70),
        ])
        let s = try Scenario(name: "w", issues: [a, b], stakeholders: [p, q])
        let history = try #require(WinnersAndLosers.history(s))
        // p: distances 20 (a) and 50 (b: |0-5|/10*100); weighted (90*20 + 10*50)/100 = 23.
        // q: distances 10 and 10; weighted (30*10 + 70*10)/100 = 10. q is closer: rank 1.
        #expect(history.standing(of: "p")?.distance == 23)
        #expect(history.standing(of: "q")?.distance == 10)
        #expect(history.standings.map(\.rank) == [2, 1])
        #expect(history.standing(of: "p")?.moved == nil)

        // Against the weighted mean: a = (80*90 + 50*30)/120 = 72.5; b = (0*10 + 6*70)/80 = 5.25.
        let run = try WeightedMeanModel().run(s)
        let mean = WinnersAndLosers(scenario: s, run: run)
        // p: (90*7.5 + 10*52.5)/100 = 12; q: (30*22.5 + 70*7.5)/100 = 12. A tie keeps scenario order.
        #expect(abs((mean.standing(of: "p")?.distance ?? 0) - 12) < 1e-9)
        #expect(abs((mean.standing(of: "q")?.distance ?? 0) - 12) < 1e-9)
        #expect(mean.standings.map(\.rank) == [1, 2])
        #expect(mean.standing(of: "p")?.moved == 0)  // a closed-form model moves nobody
    }
}
