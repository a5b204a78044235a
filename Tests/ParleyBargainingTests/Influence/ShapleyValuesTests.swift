import ParleyBargaining
import ParleyCore
import PropertyBased
import Synchronization
import Testing

@Suite struct ShapleyValuesTests {
    @Test func handWorkedThreePlayerWeightedMean() throws {
        // a at 0 (weight 1), b at 60 (1), c at 90 (2); v(empty) = 50, the midpoint.
        // v(a) = 0, v(b) = 60, v(c) = 90, v(ab) = 30, v(ac) = 180/3 = 60, v(bc) = 240/3 = 80, v(abc) = 240/4 = 60.
        // Weights 1/3 (|S| = 0), 1/6 (|S| = 1), 1/3 (|S| = 2):
        // phi_a = (0-50)/3 + (30-60)/6 + (60-90)/6 + (60-80)/3 = -100/3
        // phi_b = (60-50)/3 + (30-0)/6 + (80-90)/6 + (60-60)/3 = 20/3
        // phi_c = (90-50)/3 + (60-0)/6 + (80-60)/6 + (60-30)/3 = 110/3; sum 10 = 60 - 50.
        let game = CoalitionGame(try lineScenario([(0, 1), (60, 1), (90, 2)]), WeightedMeanModel())
        let shapley = try ShapleyValues.compute(players: 3) { coalition throws(ModelError) in try game.value(coalition) }
        #expect(shapley.method == .exact)
        #expect(shapley.empty == [50] && shapley.grand == [60])
        for (value, expected) in zip(shapley.values.map { $0[0] }, [-100.0 / 3, 20.0 / 3, 110.0 / 3]) {
            #expect(abs(value - expected) < 1e-12, "\(value) vs \(expected)")
        }
        #expect(shapley.standardErrors.allSatisfy { $0 == [0] })
    }

    @Test(arguments: ["weighted-mean", "weighted-median", "nash"])
    func exactValuesAreEfficient(model name: String) async throws {
        let model = try #require(ModelCatalog.model(named: name))
        await propertyCheck(count: 12, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 1...8)) { seed, n in
            guard let scenario = SyntheticScenario.make(stakeholders: n, issues: 2, seed: seed) else { return }
            let game = CoalitionGame(scenario, model)
            guard let shapley = try? ShapleyValues.compute(players: n, value: { coalition throws(ModelError) in try game.value(coalition) }) else {
                Issue.record("Shapley failed for seed \(seed)")
                return
            }
            for k in 0..<2 {
                let total = shapley.values.reduce(0) { $0 + $1[k] }
                #expect(abs(total - (shapley.grand[k] - shapley.empty[k])) <= 1e-9, "\(name) seed \(seed) issue \(k)")
            }
        }
    }

    @Test func identicalPlayersGetEqualShares() async {
        await propertyCheck(count: 30, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var stream = RandomStream(seed: seed, purpose: "shapley-symmetry")
            let twin = (position: stream.nextUniform(0, 100).rounded(), capability: stream.nextUniform(1, 50).rounded())
            let others = (0..<4).map { _ in (position: stream.nextUniform(0, 100).rounded(), capability: stream.nextUniform(1, 50).rounded()) }
            guard let scenario = try? lineScenario([twin] + others + [twin]) else { return }
            for model in [WeightedMeanModel() as any BargainingModel, WeightedMedianModel(), NashBargainingModel()] {
                let game = CoalitionGame(scenario, model)
                guard let shapley = try? ShapleyValues.compute(players: 6, value: { coalition throws(ModelError) in try game.value(coalition) }) else { return }
                #expect(abs(shapley.values[0][0] - shapley.values[5][0]) <= 1e-9, "\(model.name) seed \(seed)")
            }
        }
    }

    @Test func aPlayerWithoutCapabilityIsANullPlayer() async {
        await propertyCheck(count: 30, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 2...7)) { seed, n in
            var stream = RandomStream(seed: seed, purpose: "shapley-null")
            var parties = (0..<n).map { _ in (position: stream.nextUniform(0, 100).rounded(), capability: stream.nextUniform(1, 50).rounded()) }
            let null = Int(stream.nextInt(below: UInt64(n)))
            parties[null].capability = 0
            guard let scenario = try? lineScenario(parties) else { return }
            let game = CoalitionGame(scenario, WeightedMeanModel())
            let exact = try? ShapleyValues.compute(players: n, value: { coalition throws(ModelError) in try game.value(coalition) })
            #expect(exact?.values[null] == [0])
            let sampled = try? ShapleyValues.compute(players: n, exactLimit: 0, permutations: 50, seed: seed,
                                                     value: { coalition throws(ModelError) in try game.value(coalition) })
            #expect(sampled?.values[null] == [0])
            #expect(sampled?.standardErrors[null] == [0])
        }
    }

    @Test func sampledValuesAreEfficientDeterministicAndNearTheExactOnes() throws {
        let scenario = try #require(SyntheticScenario.make(stakeholders: 11, issues: 2, seed: 7))
        let game = CoalitionGame(scenario, WeightedMeanModel())
        let exact = try ShapleyValues.compute(players: 11) { coalition throws(ModelError) in try game.value(coalition) }
        let sampled = try ShapleyValues.compute(players: 11, exactLimit: 10, permutations: 400, seed: 3, jobs: 2) { coalition throws(ModelError) in
            try game.value(coalition)
        }
        let again = try ShapleyValues.compute(players: 11, exactLimit: 10, permutations: 400, seed: 3, jobs: 1) { coalition throws(ModelError) in
            try game.value(coalition)
        }
        #expect(sampled == again, "the number of jobs changed the sampled values")
        #expect(sampled.method == .sampled(permutations: 400, seed: 3))
        for k in 0..<2 {
            // Every order telescopes to v(N) - v(empty).
            let total = sampled.values.reduce(0) { $0 + $1[k] }
            #expect(abs(total - (exact.grand[k] - exact.empty[k])) <= 1e-9)
            for player in 0..<11 {
                let error = sampled.standardErrors[player][k]
                #expect(error > 0)
                // Within 5 standard errors of the exact value (a fixed seed: this either always holds or never).
                #expect(abs(sampled.values[player][k] - exact.values[player][k]) <= 5 * error + 1e-9, "player \(player) issue \(k)")
            }
        }
    }

    @Test func wrongLengthsAndStopsAreErrors() {
        #expect(throws: ModelError.self) {
            try ShapleyValues.compute(players: 2) { coalition throws(ModelError) in coalition.isEmpty ? [0] : [0, 1] }
        }
        #expect(throws: ModelError.self) {
            try ShapleyValues.compute(players: 2) { _ throws(ModelError) in [.nan] }
        }
        #expect(throws: ModelError.self) {
            try ShapleyValues.compute(players: 3, shouldStop: { true }) { _ throws(ModelError) in [0] }
        }
        let calls = Atomic<Int>(0)
        let none = try? ShapleyValues.compute(players: 0) { _ throws(ModelError) in
            calls.add(1, ordering: .relaxed)
            return [5]
        }
        #expect(none?.values.isEmpty == true && none?.grand == [5] && calls.load(ordering: .relaxed) == 1)
    }
}
