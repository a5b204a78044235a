import ParleyBargaining
import ParleyCore
import ParleySimulation
import Testing

@Suite struct MonteCarloTests {
    func bonnLike() throws -> Scenario {
        let issue = try PolicyIssue(id: "share", name: "Share", scale: .percent, anchors: [Anchor(value: 0, label: "none"), Anchor(value: 50, label: "half"), Anchor(value: 100, label: "all")])
        let parties = try [(75.0, 95.0, 90.0), (35, 75, 45), (60, 70, 60), (45, 70, 100)].enumerated().map { index, v in
            try Stakeholder(id: "p\(index)", name: "P\(index)", capability: v.2, stances: [Stance(issue: "share", position: v.0, salience: v.1)])
        }
        return try Scenario(name: "mc", issues: [issue], stakeholders: parties,
                            uncertainty: Uncertainty(position: .sd(8), salience: .sd(10), capability: .relativeSD(0.25)))
    }

    @Test func resultsAreIdenticalForAnyNumberOfJobs() async throws {
        let scenario = try bonnLike()
        let models = ModelCatalog.all
        let plan = MonteCarloPlan(runs: 300, seed: 42, models: models.map(\.name), issues: ["share"])
        var previous: [ReplicateResult]?
        for jobs in [1, 2, 8] {
            let results = try await MonteCarloRunner.run(scenario: scenario, models: models, plan: plan, range: 0..<300, jobs: jobs)
            #expect(results.map(\.index) == Array(0..<300))
            if let previous { #expect(results == previous, "jobs \(jobs) changed the results") }
            previous = results
        }
    }

    @Test func shardsConcatenateToTheWholeRun() async throws {
        let scenario = try bonnLike()
        let models: [any BargainingModel] = [WeightedMeanModel()]
        let plan = MonteCarloPlan(runs: 103, seed: 9, models: ["weighted-mean"], issues: ["share"])
        let whole = try await MonteCarloRunner.run(scenario: scenario, models: models, plan: plan, range: 0..<103, jobs: 2)
        var pieces: [ReplicateResult] = []
        for shard in 0..<4 {
            let range = plan.replicates(shard: shard, of: 4)
            pieces += try await MonteCarloRunner.run(scenario: scenario, models: models, plan: plan, range: range, jobs: 1)
        }
        #expect(pieces == whole)
        #expect((0..<4).map { plan.replicates(shard: $0, of: 4).count } == [25, 26, 26, 26])  // 103*k/4 boundaries
    }

    @Test func summaryStatisticsMatchHandComputation() {
        // Five values 1, 2, 3, 4, 10: mean 4; sample variance (9+4+1+0+36)/4 = 12.5.
        // Type-7 quantiles: position p*(n-1): 5% -> 0.2 -> 1.2; 25% -> 1 -> 2; 50% -> 3; 75% -> 4; 95% -> 3.8 -> 4 + 0.8*6 = 8.8.
        let plan = MonteCarloPlan(runs: 5, seed: 0, models: ["m"], issues: ["x"])
        let results = [1.0, 2, 3, 4, 10].enumerated().map { ReplicateResult(index: $0, values: [[$1]], converged: [$0 != 4]) }
        let scenario = try? Scenario(name: "s", issues: [PolicyIssue(id: "x", name: "X", scale: .percent, anchors: [Anchor(value: 0, label: "low"), Anchor(value: 10, label: "high")])],
                                     stakeholders: [Stakeholder(id: "a", name: "A", capability: 1, stances: [])])
        guard let scenario else { Issue.record("scenario"); return }
        let d = MonteCarloSummary(plan: plan, scenario: scenario, results: results.reversed()).distributions[0]
        #expect(d.count == 5)
        #expect(d.mean == 4)
        #expect(abs((d.sd ?? 0) - 12.5.squareRoot()) < 1e-12)
        let expected = [1.2, 2, 3, 4, 8.8]
        #expect(zip(d.quantiles, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        // Nearest anchor: 1, 2, 3, 4 are nearer 0; 10 is at "high".
        #expect(d.anchorShares.map(\.share) == [0.8, 0.2])
        #expect(d.convergedShare == 0.8)
    }

    @Test func swingOfTheWeightedMeanIsHandComputable() throws {
        // One issue, two parties; only p0's position is uncertain, range [60, 80].
        // Weighted mean = (w0 x0 + w1 x1)/(w0 + w1) with w0 = 1*50, w1 = 1*50: swing = 0.5 * (80 - 60) = 10.
        let issue = try PolicyIssue(id: "x", name: "X", scale: .percent)
        let p0 = try Stakeholder(id: "p0", name: "P0", capability: 1, stances: [Stance(issue: "x", position: 70, salience: 50, positionSpread: .range(lower: 60, upper: 80))])
        let p1 = try Stakeholder(id: "p1", name: "P1", capability: 1, stances: [Stance(issue: "x", position: 20, salience: 50)])
        let s = try Scenario(name: "s", issues: [issue], stakeholders: [p0, p1])
        let plan = MonteCarloPlan(runs: 400, seed: 3, models: ["weighted-mean"], issues: ["x"])
        let results = try (0..<400).map { try MonteCarloRunner.replicate($0, scenario: s, sampler: InputSampler(scenario: s), models: [WeightedMeanModel()], plan: plan) }
        let drivers = try Sensitivity.drivers(scenario: s, model: WeightedMeanModel(), plan: plan, replicates: results, top: 5)
        #expect(drivers.count == 1)
        #expect(drivers.first?.input == "p0.position[x]")
        #expect(abs((drivers.first?.swing ?? 0) - 10) < 1e-9)
        // The only uncertain input explains all the variance (up to the estimator's binning noise).
        #expect((drivers.first?.firstOrderIndex ?? 0) > 0.95)
    }

    @Test func correlationRatioSeparatesSignalFromNoise() {
        var stream = RandomStream(seed: 5, purpose: "test")
        let x = (0..<2000).map { _ in stream.nextUnit() }
        let noise = (0..<2000).map { _ in stream.nextUnit() }
        #expect((Sensitivity.correlationRatioForTesting(x: x, y: x.map { $0 * $0 }) ?? 0) > 0.97)
        // Independent noise: expected value about (bins - 1)/n = 43/2000 ≈ 0.02.
        #expect((Sensitivity.correlationRatioForTesting(x: x, y: noise) ?? 1) < 0.06)
    }
}
