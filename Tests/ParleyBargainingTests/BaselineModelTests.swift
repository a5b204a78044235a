import ParleyBargaining
import ParleyCore
import Testing

/// A one-issue scenario on 0–100 from (position, salience, capability) triples.
func scenario(_ parties: [(position: Double, salience: Double, capability: Double)], scale: Scale = .percent) throws -> Scenario {
    let issue = try PolicyIssue(id: "x", name: "X", scale: scale)
    let stakeholders = try parties.enumerated().map { index, party in
        try Stakeholder(id: "s\(index)", name: "S\(index)", capability: party.capability,
                        stances: [Stance(issue: "x", position: party.position, salience: party.salience)])
    }
    return try Scenario(name: "test", issues: [issue], stakeholders: stakeholders)
}

func forecast(_ model: some BargainingModel, _ scenario: Scenario, issue: String = "x") throws -> Double? {
    try model.run(scenario).value(for: issue)
}

@Suite struct WeightedMeanTests {
    @Test func handComputedThreeParties() throws {
        // weights c*s: 50*20 = 1000, 100*50 = 5000, 10*100 = 1000
        // hand-computed: (1000*80 + 5000*20 + 1000*50) / 7000 = 230000/7000 = 32.857142857142854
        let s = try scenario([(80, 20, 50), (20, 50, 100), (50, 100, 10)])
        let value = try #require(try forecast(WeightedMeanModel(), s))
        #expect(abs(value - 230_000.0 / 7000.0) < 1e-12)
    }

    @Test func zeroWeightIssueHasNoForecastButNoCrash() throws {
        let s = try scenario([(80, 0, 50), (20, 50, 0)])
        let run = try WeightedMeanModel().run(s)
        #expect(run.outcomes[0].value == nil)
        #expect(run.outcomes[0].note?.contains("no stakeholder") == true)
    }
}

@Suite struct WeightedMedianTests {
    @Test func handComputedMedian() throws {
        // sorted: 20 (w 5000), 50 (w 1000), 80 (w 1000); half of 7000 is 3500, reached at 20.
        let s = try scenario([(80, 20, 50), (20, 50, 100), (50, 100, 10)])
        #expect(try forecast(WeightedMedianModel(), s) == 20)
    }

    @Test func tieGoesToThePositionNearerTheMean() throws {
        // weights 20, 10, 10 at 0, 60, 100: cumulative 20 = half at 0, so 0 and 60 tie;
        // mean = (0 + 600 + 1000)/40 = 40, nearer 60.
        let s = try scenario([(0, 20, 1), (60, 10, 1), (100, 10, 1)])
        #expect(try forecast(WeightedMedianModel(), s) == 60)
        // The mirror image gives the mirror answer (100 - 60 = 40): the rule favours neither end.
        let mirrored = try scenario([(100, 20, 1), (40, 10, 1), (0, 10, 1)])
        #expect(try forecast(WeightedMedianModel(), mirrored) == 40)
        // Equally near the mean: the lower position.
        let even = try scenario([(10, 10, 1), (30, 10, 1)])
        #expect(try forecast(WeightedMedianModel(), even) == 10)
    }
}

@Suite struct NashBargainingTests {
    @Test func twoPartiesAtTheEnds() throws {
        // g1 = 100 - x, g2 = x; maximise 3 log(100 - x) + log x => x = 100 * 1/4 = 25.
        let s = try scenario([(0, 30, 1), (100, 10, 1)])
        let value = try #require(try forecast(NashBargainingModel(), s))
        #expect(abs(value - 25) < 1e-9)
    }

    @Test func interiorPartyPullsLessThanTheMean() throws {
        // Party at 20 (w 2), party at 100 (w 1). D1 = max(20, 80) = 80, D2 = 100.
        // For 20 < x < 100: g1 = 80 - (x - 20) = 100 - x, g2 = x, so 2 log(100 - x) + log x
        // peaks at x = 100/3. (Weighted mean: 140/3 = 46.67; weighted median: 20.)
        let s = try scenario([(20, 20, 1), (100, 10, 1)])
        let value = try #require(try forecast(NashBargainingModel(), s))
        #expect(abs(value - 100.0 / 3.0) < 1e-9)
    }

    @Test func optimumOnAKinkIsExact() throws {
        // Party at 30 (w 5), party at 100 (w 1). Right of 30: f' = -5/(100 - x) + 1/x < 0;
        // left of 30: f' = 5/(40 + x) + 1/x > 0. The optimum is the kink, 30.
        let s = try scenario([(30, 50, 1), (100, 10, 1)])
        #expect(try forecast(NashBargainingModel(), s) == 30)
    }

    @Test func worksOnAnyScale() throws {
        // The first case moved to a 4–10 scale: 4 + 6 * 0.25 = 5.5.
        let s = try scenario([(4, 30, 1), (10, 10, 1)], scale: try Scale(min: 4, max: 10))
        let value = try #require(try forecast(NashBargainingModel(), s))
        #expect(abs(value - 5.5) < 1e-9)
    }
}

@Suite struct PublishedBaselineTests {
    /// reference/bonn-2001.md §1.6 gives the baselines for its proposed coding, computed
    /// independently: compromise 51.5, 59.5, 49.6; weighted median 45, 65, 55.
    @Test func bonnCodingMatchesTheReferenceBaselines() throws {
        let parties: [(cap: Double, pos: [Double], sal: [Double])] = [
            (90, [75, 55, 10], [95, 45, 60]), (45, [35, 30, 70], [75, 85, 50]), (15, [20, 80, 70], [80, 60, 40]),
            (10, [40, 50, 50], [50, 40, 30]), (100, [45, 65, 55], [70, 90, 60]), (60, [60, 65, 50], [70, 60, 40]),
            (50, [70, 40, 30], [60, 40, 40]), (40, [15, 80, 80], [85, 70, 50]), (25, [65, 60, 50], [40, 30, 20]),
            (70, [45, 65, 70], [80, 70, 70]),
        ]
        let ids = ["na-share", "chair", "security-force"]
        let issues = try ids.map { try PolicyIssue(id: $0, name: $0, scale: .percent) }
        let stakeholders = try parties.enumerated().map { index, party in
            try Stakeholder(id: "p\(index)", name: "P\(index)", capability: party.cap, stances: ids.indices.map {
                try Stance(issue: ids[$0], position: party.pos[$0], salience: party.sal[$0])
            })
        }
        let bonn = try Scenario(name: "Bonn §1.6", issues: issues, stakeholders: stakeholders)
        let mean = try WeightedMeanModel().run(bonn)
        for (issue, expected) in zip(ids, [51.5, 59.5, 49.6]) {
            #expect(abs((mean.value(for: issue) ?? .nan) - expected) < 0.05, "compromise on \(issue)")
        }
        let median = try WeightedMedianModel().run(bonn)
        #expect(ids.map { median.value(for: $0) } == [45, 65, 55])
    }

    /// bargaining-models.md: on the EC car-emissions inputs the weighted mean is 7.390 and the
    /// weighted median 7 (Scholz, Calbert & Smith 2011's tabulation of Bueno de Mesquita 1994).
    @Test func ecCarEmissionsMatchesThePublishedBaselines() throws {
        let rows: [(Double, Double, Double)] = [  // capability, position, salience
            (0.08, 4, 0.8), (0.08, 7, 0.4), (0.03, 4, 0.2), (0.16, 4, 0.8), (0.16, 10, 0.6),
            (0.16, 10, 0.6), (0.16, 10, 0.9), (0.05, 7, 0.1), (0.05, 4, 1.0), (0.08, 7, 0.7),
        ]
        let s = try scenario(rows.map { (position: $0.1, salience: $0.2 * 100, capability: $0.0) }, scale: try Scale(min: 4, max: 10))
        let mean = try #require(try forecast(WeightedMeanModel(), s))
        #expect(abs(mean - 7.390) < 0.0005)
        #expect(try forecast(WeightedMedianModel(), s) == 7)
    }
}
