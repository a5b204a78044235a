import ParleyBargaining
import ParleyCore
import PropertyBased
import Synchronization
import Testing

@Suite struct CounterfactualInfluenceTests {
    @Test func handWorkedThreePlayerWeightedMean() throws {
        // a at 0 (weight 1), b at 60 (1), c at 90 (2), status quo 50, scale 0...100 (percent = scale units).
        // With everyone: 240/4 = 60. Without a: (60 + 180)/3 = 80; without b: 180/3 = 60; without c: 60/2 = 30.
        // a: distance 60, without |0-80| = 80, influence 20, gain |0-50| - |0-60| = -10.
        // b: distance 0, without |60-60| = 0, influence 0 (lucky: the outcome is there anyway), gain 10.
        // c: distance 30, without |90-30| = 60, influence 30, gain |90-50| - 30 = 10.
        let game = CoalitionGame(try lineScenario([(0, 1), (60, 1), (90, 2)]), WeightedMeanModel())
        let result = try CounterfactualInfluence(scenario: game.scenario, statusQuo: [50]) { coalition throws(ModelError) in
            try game.outcome(coalition)
        }
        #expect(result.runs == 4)
        #expect(result.outcomes == [60])
        #expect(result.outcomesWithout == [[80], [60], [30]])
        let expected: [(Double, Double, Double, Double)] = [(60, 80, 20, -10), (0, 0, 0, 10), (30, 60, 30, 10)]
        for (effect, values) in zip(result.stakeholders, expected) {
            let got = [effect.distance, effect.distanceWithout, effect.influence, effect.gain].map { $0 ?? .nan }
            for (value, want) in zip(got, [values.0, values.1, values.2, values.3]) {
                #expect(abs(value - want) < 1e-9, "\(effect.stakeholder): \(got)")
            }
            #expect(effect.issues.count == 1)
        }
    }

    @Test func sharesOfTheScaleAndSalienceWeights() throws {
        // Two issues: "wide" on 0...200 and "narrow" on 0...10; a: capability 1, b: capability 3.
        // wide:   a at 0 (salience 50), b at 200 (salience 100): weights 50 and 300 -> 60000/350 = 1200/7.
        //         Without a: 200; without b: 0. a: distance (1200/7)/200*100 = 600/7, without 100 -> influence 100/7.
        // narrow: a at 10 (salience 100) alone: outcome 10; without a nobody -> the reference (no status quo:
        //         the midpoint 5): distance 0, without 50, influence 50.
        // a overall (saliences 50 and 100): distance (50*600/7 + 0)/150 = 200/7; influence (50*100/7 + 100*50)/150 = 5000/7/150 + 100/3.
        let wide = try PolicyIssue(id: "wide", name: "Wide", scale: Scale(min: 0, max: 200))
        let narrow = try PolicyIssue(id: "narrow", name: "Narrow", scale: Scale(min: 0, max: 10))
        let a = try Stakeholder(id: "a", name: "A", capability: 1, stances: [
            Stance(issue: "wide", position: 0, salience: 50), Stance(issue: "narrow", position: 10, salience: 100)])
        let b = try Stakeholder(id: "b", name: "B", capability: 3, stances: [Stance(issue: "wide", position: 200, salience: 100)])
        let scenario = try Scenario(name: "two", issues: [wide, narrow], stakeholders: [a, b])
        let game = CoalitionGame(scenario, WeightedMeanModel())
        let result = try CounterfactualInfluence(scenario: scenario) { coalition throws(ModelError) in try game.outcome(coalition) }
        let effect = try #require(result.effect(of: "a"))
        let distance: Double = effect.distance ?? .nan
        let influence: Double = effect.influence ?? .nan
        let expectedInfluence: Double = 5000.0 / 7 / 150 + 100.0 / 3
        #expect(abs(distance - 200.0 / 7) < 1e-9)
        #expect(abs(influence - expectedInfluence) < 1e-9)
        #expect(effect.gain == nil)
        #expect(result.outcomesWithout[0] == [200, 5])
    }

    @Test func aStakeholderWithoutCapabilityHasNoInfluenceHoweverCloseItSits() async {
        await propertyCheck(count: 60, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 1...12)) { seed, n in
            guard let base = SyntheticScenario.make(stakeholders: n, issues: 3, seed: seed),
                  let full = try? WeightedMeanModel().run(base) else { return }
            // A capability-0 observer sitting exactly on the forecast of every issue.
            guard let observer = try? Stakeholder(id: "observer", name: "Observer", capability: 0, stances: base.issues.compactMap { issue in
                      guard let value = full.value(for: issue.id) else { return nil }
                      return try? Stance(issue: issue.id, position: value, salience: 100)
                  }),
                  let scenario = try? base.with(stakeholders: base.stakeholders + [observer]) else {
                Issue.record("could not add the observer for seed \(seed)")
                return
            }
            let game = CoalitionGame(scenario, WeightedMeanModel())
            guard let result = try? CounterfactualInfluence(scenario: scenario, jobs: 2, outcome: { coalition throws(ModelError) in
                try game.outcome(coalition)
            }), let effect = result.effect(of: "observer") else {
                Issue.record("influence failed for seed \(seed)")
                return
            }
            #expect(effect.distance == 0, "the observer sits on the outcome")
            #expect(effect.influence == 0, "seed \(seed): a stakeholder with no capability moved the outcome")
            #expect(effect.issues.allSatisfy { $0.influence == 0 })
        }
    }

    @Test func runsAtMostNPlusOneTimesAndIgnoresTheNumberOfJobs() throws {
        let scenario = try #require(SyntheticScenario.make(stakeholders: 9, issues: 2, seed: 11))
        let game = CoalitionGame(scenario, NashBargainingModel())
        let calls = Atomic<Int>(0)
        let one = try CounterfactualInfluence(scenario: scenario, statusQuo: [10, nil], jobs: 1) { coalition throws(ModelError) in
            calls.add(1, ordering: .relaxed)
            return try game.outcome(coalition)
        }
        #expect(calls.load(ordering: .relaxed) == 10)
        let two = try CounterfactualInfluence(scenario: scenario, statusQuo: [10, nil], jobs: 3) { coalition throws(ModelError) in
            try game.outcome(coalition)
        }
        #expect(one == two)
        #expect(one.stakeholders.map(\.stakeholder) == scenario.stakeholders.map(\.id))
        // Gain only where the status quo is given: the first issue.
        #expect(one.stakeholders.allSatisfy { $0.issues.allSatisfy { ($0.gain != nil) == ($0.issue == scenario.issues[0].id) } })
    }

    @Test func errorsAndStopsPropagate() throws {
        let scenario = try lineScenario([(10, 1), (20, 1)])
        #expect(throws: ModelError.self) {
            try CounterfactualInfluence(scenario: scenario) { _ throws(ModelError) in [1, 2] }
        }
        #expect(throws: ModelError.self) {
            try CounterfactualInfluence(scenario: scenario) { coalition throws(ModelError) in
                if coalition.count < 2 { throw ModelError(model: "test", message: "boom") }
                return [1]
            }
        }
        #expect(throws: ModelError.self) {
            try CounterfactualInfluence(scenario: scenario, shouldStop: { true }) { _ throws(ModelError) in [1] }
        }
    }
}
