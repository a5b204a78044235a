@testable import ParleyAnalysis
import ParleyBargaining
import ParleyCore
import Testing

/// Two parties on one 0-100 issue, at 30 and 70, equally salient and strong; history records
/// `observed` within `range`, the status quo is `statusQuo`.
func twoParties(observed: Double = 50, range: ClosedRange<Double>? = nil, statusQuo: Double? = nil) throws -> Scenario {
    let issue = try PolicyIssue(id: "x", name: "X", scale: .percent, observed: ObservedOutcome(value: observed, range: range),
                                statusQuo: statusQuo.map { StatusQuo(value: $0) })
    return try Scenario(name: "two", issues: [issue], stakeholders: [
        Stakeholder(id: "a", name: "A", capability: 1, stances: [Stance(issue: "x", position: 30, salience: 50)]),
        Stakeholder(id: "b", name: "B", capability: 1, stances: [Stance(issue: "x", position: 70, salience: 50)]),
    ])
}

@Suite struct GainTests {
    @Test func gainIsMeasuredFromTheStatusQuo() throws {
        // Status quo 20, outcome 60: A at 30 was 10 from the status quo and is 30 from the outcome:
        // gain 10 - 30 = -20. B at 70 was 50 away and is 10 away: gain 50 - 10 = +40.
        let history = try #require(WinnersAndLosers.history(try twoParties(observed: 60, statusQuo: 20)))
        #expect(history.standing(of: "a")?.gain == -20)
        #expect(history.standing(of: "b")?.gain == 40)
        #expect(history.standing(of: "a")?.issues.first?.gain == -20)
        // Without a status quo there is no gain.
        #expect(WinnersAndLosers.history(try twoParties())?.standing(of: "a")?.gain == nil)
    }

    @Test func influenceIsTheDistanceWithoutMinusTheDistance() throws {
        let scenario = try twoParties(observed: 50)
        let history = try #require(WinnersAndLosers.history(scenario))
        // Without A the outcome would have been 70 (B's position): A's distance without it is
        // |30 - 70| = 40 against 20 with it: influence +20. B: without it 30, |70 - 30| = 40: +20.
        let filled = history.withInfluence(["a": ["x": 70], "b": ["x": 30]], scenario: scenario)
        #expect(filled.standing(of: "a")?.distanceWithout == 40)
        #expect(filled.standing(of: "a")?.influence == 20)
        #expect(filled.standing(of: "b")?.influence == 20)
        #expect(filled.standing(of: "a")?.issues.first?.influence == 20)
    }
}

@Suite struct WinnerOddsTests {
    @Test func tiedStakeholdersShareTheirPlaces() {
        let credits = WinnerOdds.placeCredits(distances: [1, 1, 3, nil])
        #expect(credits[0] == [0.5, 0.5, 0, 0])
        #expect(credits[1] == [0.5, 0.5, 0, 0])
        #expect(credits[2] == [0, 0, 1, 0])
        #expect(credits[3] == [0, 0, 0, 1])
        // Every place is handed out once.
        for place in 0..<4 { #expect(credits.map { $0[place] }.reduce(0, +) == 1) }
    }

    @Test func theOddsMoveWhenOnlyTheObservedRangeChanges() throws {
        // No input uncertainty: only history varies. With the outcome fixed at 50 the two tie
        // in every draw, so each is first with probability 1/2 exactly.
        let fixed = try #require(try WinnerOdds(scenario: try twoParties(), draws: 200, seed: 3))
        #expect(fixed.odds(of: "a")?.first == 0.5)
        #expect(fixed.odds(of: "a")?.firstStandardError == 0)
        // With the observed outcome drawn from triangular(40, 50, 80), B (at 70) is first when it
        // exceeds 50: probability (80 - 50)/(80 - 40) = 0.75 (the mass right of the mode).
        let draws = 4000
        let skewed = try #require(try WinnerOdds(scenario: try twoParties(observed: 50, range: 40...80), draws: draws, seed: 3))
        let b = try #require(skewed.odds(of: "b"))
        #expect(abs(b.first - 0.75) < 4 * (0.75 * 0.25 / Double(draws)).squareRoot())
        #expect(abs(b.firstStandardError - (b.first * (1 - b.first) / Double(draws)).squareRoot()) < 1e-9)
        #expect(abs((skewed.odds(of: "a")?.first ?? 0) + b.first - 1) < 1e-12)
        #expect(b.topThree == 1)  // two stakeholders: both are always in the top three
        // The same seed gives the same odds.
        #expect(try WinnerOdds(scenario: try twoParties(observed: 50, range: 40...80), draws: draws, seed: 3) == skewed)
    }

    @Test func triangularQuantilesHitTheirLandmarks() {
        // On [0, 10] with mode 2: F(2) = 0.2; the median solves 1 - (10-x)^2/80 = 0.5, x = 10 - sqrt(40).
        #expect(Triangular.quantile(0.2, low: 0, mode: 2, high: 10) == 2)
        #expect(abs(Triangular.quantile(0.5, low: 0, mode: 2, high: 10) - (10 - 40.0.squareRoot())) < 1e-12)
        #expect(Triangular.quantile(1e-12, low: 0, mode: 2, high: 10) < 1e-4)
        #expect(Triangular.quantile(1 - 1e-12, low: 0, mode: 2, high: 10) > 10 - 1e-4)
    }

    @Test func noHistoryNoOdds() throws {
        let issue = try PolicyIssue(id: "x", name: "X", scale: .percent)
        let scenario = try Scenario(name: "n", issues: [issue], stakeholders: [
            Stakeholder(id: "a", name: "A", capability: 1, stances: [Stance(issue: "x", position: 30, salience: 50)]),
        ])
        #expect(try WinnerOdds(scenario: scenario, draws: 10, seed: 1) == nil)
    }
}

@Suite struct InfluenceTests {
    /// Three strong parties at 20, 50 and 80 and an observer with no capability sitting exactly
    /// where the weighted mean lands.
    func withObserver() throws -> Scenario {
        // Weighted mean of 20 (cap 30, sal 60), 50 (cap 20, sal 60), 80 (cap 10, sal 60):
        // (20*1800 + 50*1200 + 80*600) / 3600 = (36000 + 60000 + 48000) / 3600 = 40.
        let issue = try PolicyIssue(id: "x", name: "X", scale: .percent, observed: ObservedOutcome(value: 40), statusQuo: StatusQuo(value: 0))
        let parties = try [("a", 20.0, 30.0), ("b", 50, 20), ("c", 80, 10), ("observer", 40, 0)].map { id, position, capability in
            try Stakeholder(id: id, name: id, capability: capability, stances: [Stance(issue: "x", position: position, salience: 60)])
        }
        return try Scenario(name: "observer", issues: [issue], stakeholders: parties)
    }

    @Test(arguments: ["weighted-mean", "weighted-median", "nash", "exchange", "ensemble"])
    func aStakeholderWithNoCapabilityHasNoInfluence(model: String) throws {
        let scenario = try withObserver()
        let forecast = try ScenarioForecast(scenario: scenario, models: try ModelChoice.models(named: [model]), winners: true, jobs: 2)
        let table = try #require(forecast.standings?.first { $0.source == model })
        let observer = try #require(table.standing(of: "observer"))
        #expect(observer.influence == 0)
        #expect(observer.distanceWithout == observer.distance)
    }

    @Test func influenceUnderTheWeightedMeanByHand() throws {
        let scenario = try withObserver()
        let forecast = try ScenarioForecast(scenario: scenario, models: [WeightedMeanModel()], winners: true)
        let table = try #require(forecast.standings?.first { $0.source == "weighted-mean" })
        // Without a: (50*1200 + 80*600)/1800 = 60; a at 20 is 40 away instead of 20: influence +20.
        #expect(abs((table.standing(of: "a")?.influence ?? 0) - 20) < 1e-9)
        // Without c: (20*1800 + 50*1200)/3000 = 32; c at 80 is 48 away instead of 40: +8.
        #expect(abs((table.standing(of: "c")?.influence ?? 0) - 8) < 1e-9)
        // The observer is the closest of all (distance 0) against history, yet has no influence.
        let history = try #require(forecast.standings?.first { $0.source == "history" })
        #expect(history.standing(of: "observer")?.rank == 1)
        // Gain over the status quo 0: a at 20 was 20 away and is 20 away: 0; c: 80 - 40 = +40.
        #expect(history.standing(of: "a")?.gain == 0)
        #expect(history.standing(of: "c")?.gain == 40)
    }
}

@Suite struct CalibrationTests {
    @Test func withNoUncertaintyTheCRPSIsTheAbsoluteError() async throws {
        // Weighted mean of 30 and 70 (equal weights) is 50; observed 60 on 0-100: |err| = 10.
        let scenario = try twoParties(observed: 60)
        let calibration = try await Calibration.run(scenarios: [scenario], models: [WeightedMeanModel()], runs: 20, seed: 1, jobs: 2)
        let score = try #require(calibration.score(of: "weighted-mean"))
        #expect(score.issues == 1)
        #expect(score.meanAbsoluteError == 10)
        #expect(abs((score.crps ?? 0) - 10) < 1e-12)
        #expect(score.coverage50 == 0)  // a point distribution at 50 does not cover 60
    }

    @Test func coverageCountsOutcomesInsideTheIntervals() async throws {
        // Positions drawn with sd 10: the mean's spread is wide enough to cover an outcome at the point.
        let issue = try PolicyIssue(id: "x", name: "X", scale: .percent, observed: ObservedOutcome(value: 50))
        let scenario = try Scenario(name: "u", issues: [issue], stakeholders: [
            Stakeholder(id: "a", name: "A", capability: 1, stances: [Stance(issue: "x", position: 30, salience: 50)]),
            Stakeholder(id: "b", name: "B", capability: 1, stances: [Stance(issue: "x", position: 70, salience: 50)]),
        ], uncertainty: Uncertainty(position: .sd(10)))
        let calibration = try await Calibration.run(scenarios: [scenario], models: [WeightedMeanModel()], runs: 400, seed: 5, jobs: 2)
        let score = try #require(calibration.score(of: "weighted-mean"))
        #expect(score.coverage50 == 1)
        #expect(score.coverage80 == 1)
        // The point forecast is exact, but the distribution is spread: CRPS = E|X - y| - E|X - X'|/2 > 0,
        // and for a normal with sd σ centred on y it is σ(√2 - 1)/√π ≈ 0.234σ; here σ = 10/√2 ≈ 7.07 → ≈ 1.65.
        #expect(score.meanAbsoluteError == 0)
        #expect(abs((score.crps ?? 0) - 1.65) < 0.3)
    }
}
