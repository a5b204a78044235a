@testable import ParleyBargaining
import ParleyCore
import Testing

/// The spatial model's building blocks against hand calculations of KTAB's formulas.
@Suite struct SpatialFormulaTests {
    @Test(arguments: [
        // weight 2, u1 = 0.7, u2 = 0.4, du = 0.3
        (SpatialSettings.VotingRule.proportional, 0.6),     // 2 * 0.3
        (.binary, 2.0),                                    // 2 * clip(0.3 / 1e-8)
        (.propBin, 0.88),                                  // 2 * (0.8 * 0.3 + 0.2 * 1)
        (.propCbc, 0.327),                                 // 2 * (0.5 * 0.3 + 0.5 * 0.027)
        (.cubic, 0.054),                                   // 2 * 0.027
        (.asymProsp, 0.4),                                 // (2/3) * 2 * 0.3
    ])
    func votes(rule: SpatialSettings.VotingRule, expected: Double) {
        #expect(abs(rule.vote(weight: 2, 0.7, 0.4) - expected) < 1e-12)
    }

    @Test func asymmetricProspectVotesLossesInFull() {
        #expect(abs(SpatialSettings.VotingRule.asymProsp.vote(weight: 2, 0.4, 0.7) - -0.6) < 1e-12)
        #expect(SpatialSettings.VotingRule.binary.vote(weight: 2, 0.5, 0.5) == 0)
    }

    @Test(arguments: [
        (SpatialSettings.VictoryProbModel.linear, 3.0, 1.0, 0.75),
        (.square, 3, 1, 0.9),                    // 9 / 10
        (.quartic, 3, 1, 81.0 / 82.0),
        (.octic, 3, 1, 6561.0 / 6562.0),
        (.binary, 1.2, 1, 1.0 / (1.0 + 1e-6)),   // a 10% advantage or more wins (x2 = 1e-6)
        (.binary, 1.05, 1, 0.7560975609756098),  // (1.05/2.05 * 2.1 - 1) / 0.1
        (.binary, 1, 1, 0.5),
    ])
    func victoryProbabilities(model: SpatialSettings.VictoryProbModel, s1: Double, s2: Double, expected: Double) {
        let (p1, p2) = model.probabilities(s1, s2)
        #expect(abs(p1 - expected) < 1e-12)
        #expect(abs(p1 + p2 - 1) < 1e-12)
    }

    @Test func conditionalPCEIsTheNormalisedProductOfVictoryProbabilities() {
        var v = SquareMatrix(size: 3)
        v.storage = [0.5, 0.8, 0.6,
                     0.2, 0.5, 0.3,
                     0.4, 0.7, 0.5]
        // hand-computed: products 0.24, 0.03, 0.14; sum 0.41
        let p = SpatialPCE.conditional(v)
        for (value, expected) in zip(p, [0.24 / 0.41, 0.03 / 0.41, 0.14 / 0.41]) {
            #expect(abs(value - expected) < 1e-12)
        }
    }

    @Test func markovUniformOnTwoOptionsConvergesToTheVictoryProbability() throws {
        // p1 = (1/2)(0.5 * 2 p1 + a (p1 + p2)) = (p1 + a)/2 has the fixed point p1 = a.
        var v = SquareMatrix(size: 2)
        v.storage = [0.5, 0.7, 0.3, 0.5]
        let p = try SpatialPCE.markovUniform(v)
        #expect(abs(p[0] - 0.7) < 1e-5)
        #expect(abs(p[0] + p[1] - 1) < 1e-12)
    }

    @Test func markovIncentiveReachesAFixedPointOfItsMap() throws {
        var c = SquareMatrix(size: 3)
        c.storage = [1e-8, 2.0, 0.5,
                     1.0, 1e-8, 0.2,
                     3.0, 1.5, 1e-8]
        let v = SpatialSettings.VictoryProbModel.linear.victoryMatrix(c)
        let p = try SpatialPCE.markovIncentive(v, coalitions: c)
        #expect(abs(p.reduce(0, +) - 1) < 1e-9)
        // one more application of q_a = Σ_b V(a,b)(p_a P[b→a] + p_b P[a→b]) leaves p in place
        var incentive = [[Double]](repeating: [0, 0, 0], count: 3)
        for a in 0..<3 { for b in 0..<3 { incentive[a][b] = c[a, b] * v[a, b] + (a == b ? 1e-10 : 0) } }
        let challenge = (0..<3).map { a in (0..<3).map { b in incentive[a][b] / (0..<3).reduce(0.0) { $0 + incentive[$1][b] } } }
        for a in 0..<3 {
            let q = (0..<3).reduce(0.0) { $0 + v[a, $1] * (p[a] * challenge[$1][a] + p[$1] * challenge[a][$1]) }
            #expect(abs(q - p[a]) < 1e-7)
        }
    }

    @Test func utilityCurve() {
        #expect(abs(SpatialUtility.utility(distance: 0.4, risk: 0.5) - 0.72) < 1e-12)   // 0.6 * 1.2
        #expect(abs(SpatialUtility.utility(distance: 1.2, risk: 0.5) - -0.3) < 1e-12)  // beyond 1: -0.2 * 1.5
        #expect(SpatialUtility.utility(distance: 0, risk: -0.5) == 1)
    }

    @Test(arguments: [
        // p = [0.1, 0.2, 0.7]: pMin 0.1, pMax 0.7
        (SpatialSettings.BigRRange.min, [0.0, 1.0 / 6.0, 1.0]),   // (p - 0.1)/0.6
        (.mid, [-0.5, -0.25, 1.0]),                              // (3p - 0.9)/1.2
        (.max, [-1.0, -2.0 / 3.0, 1.0]),                         // (2p - 0.8)/0.6
    ])
    func riskAttitudes(range: SpatialSettings.BigRRange, expected: [Double]) {
        for (value, hand) in zip(range.riskAttitudes([0.1, 0.2, 0.7]), expected) {
            #expect(abs(value - hand) < 1e-12)
        }
    }

    @Test func equallyProbablePositionsMakeEveryoneRiskNeutral() {
        #expect(SpatialSettings.BigRRange.mid.riskAttitudes([0.25, 0.25, 0.25, 0.25]) == [0, 0, 0, 0])
    }

    @Test(arguments: [
        // r_h = 0.9, r_i = -0.3
        (SpatialSettings.BigRAdjust.full, -0.3),
        (.twoThirds, 0.1),    // (0.9 - 0.6)/3
        (.half, 0.3),
        (.oneThird, 0.5),     // (1.8 - 0.3)/3
        (.none, 0.9),
    ])
    func perceivedRisk(adjust: SpatialSettings.BigRAdjust, expected: Double) {
        #expect(abs(adjust.perceived(own: 0.9, other: -0.3) - expected) < 1e-12)
    }

    @Test func roundingToFourDecimals() {
        #expect(SpatialBargaining.round4(0.123456) == 0.1235)
        #expect(SpatialBargaining.round4(0.12344) == 0.1234)
        #expect(SpatialBargaining.round4(0) == 0)
    }

    private func problem(_ settings: SpatialSettings) -> SpatialProblem {
        SpatialProblem(capability: [1, 1], salience: [0.5, 0.5], dimensionCount: 1, accommodation: nil, settings: settings)
    }

    @Test func squaredInterpolationMeetsAtTheWeightedPoint() {
        // t_i = 0.2, t_j = 0.8, s = 0.5 each, P = 0.75: w_i = 0.25 * 0.5625, w_j = 0.25 * 0.0625
        // hand-computed: (0.140625 * 0.2 + 0.015625 * 0.8) / 0.15625 = 0.26
        let b = SpatialBargaining.interpolate(initiator: 0, receiver: 1, positionI: [0.2], positionJ: [0.8],
                                              pI: 0.75, pJ: 0.25, problem: problem(SpatialSettings()))
        #expect(b.initiatorPosition == [0.26])
        #expect(b.receiverPosition == [0.26])
    }

    @Test func linearInterpolation() {
        var settings = SpatialSettings()
        settings.interVecBargain = .s1p1
        // w_i = 0.5 * 0.75 = 0.375, w_j = 0.125: (0.375 * 0.2 + 0.125 * 0.8)/0.5 = 0.35
        let b = SpatialBargaining.interpolate(initiator: 0, receiver: 1, positionI: [0.2], positionJ: [0.8],
                                              pI: 0.75, pJ: 0.25, problem: problem(settings))
        #expect(b.initiatorPosition == [0.35])
    }

    @Test func maxProbabilityInterpolationMovesOnlyTheWeakerSide() {
        var settings = SpatialSettings()
        settings.interVecBargain = .s2pmax
        // d_i = 0 (i is stronger), d_j = 0.5: j moves 0.5 s_i² / (0.5 s_i² + 1e-6 + 0.5 s_j²) ≈ 1/2 of the way
        let b = SpatialBargaining.interpolate(initiator: 0, receiver: 1, positionI: [0.2], positionJ: [0.8],
                                              pI: 0.75, pJ: 0.25, problem: problem(settings))
        #expect(b.initiatorPosition == [0.2])
        let share = (0.5 * 0.25) / (0.5 * 0.25 + 1e-6 + 0.5 * 0.25)
        #expect(abs(b.receiverPosition[0] - (0.8 + share * (0.2 - 0.8))) < 1e-12)
    }

    @Test func semiCommittedThirdPartyVote() {
        // p_in = 0.6, u(i) = 0.9, u(j) = 0.5, u(own) = 1: with i: 0.6(0.9+0.9+1) + 0.4(1.5) = 2.28;
        // against: 0.6(2.7) + 0.4(0.5+0.5+1) = 2.42; proportional vote of weight 2: 2 * (2.28 - 2.42)
        let vote = SpatialChallenge.thirdPartyVote(weight: 2, rule: .proportional, commit: .semiCommit,
                                                   pin: 0.6, pjn: 0.4, uki: 0.9, ukj: 0.5, ukk: 1)
        #expect(abs(vote - -0.28) < 1e-12)
    }

    @Test func exactSumIsCorrectlyRoundedWhateverTheOrder() {
        func sum(_ values: [Double]) -> Double {
            var total = ExactSum()
            for value in values { total.add(value) }
            return total.value
        }
        #expect(sum([1e16, 1, -1e16]) == 1)            // a plain sum gives 0
        #expect(sum([0.1, 0.2, 0.3]) == 0.6)           // a plain sum gives 0.6000000000000001
        let values = [0.7231, 1e-17, 0.93, 0.2519999, 3e-16, 0.1]
        #expect(sum(values) == sum(values.reversed()))
        #expect(sum(values) == sum([values[3], values[0], values[5], values[1], values[4], values[2]]))
        #expect(sum([]) == 0)
    }

    @Test(arguments: [5, 6, 7] as [UInt64])
    func bestTargetIsTheBestOfTheGeneralEstimates(seed: UInt64) throws {
        let scenario = try #require(SyntheticScenario.make(stakeholders: 9, issues: 3, seed: seed))
        let input = try SpatialInput(scenario: scenario, settings: SpatialSettings(), model: "spatial")
        let assessment = try SpatialAssessment(input.initial, problem: input.problem)
        for i in 0..<input.problem.actorCount {
            var expected: (Int, ChallengeEstimate)?
            for j in 0..<input.problem.actorCount where j != i {
                let e = SpatialChallenge.estimate(estimator: i, for: i, initiator: i, receiver: j,
                                                  assessment: assessment, problem: input.problem)
                if e.gain > 1e-5 && e.gain > (expected?.1.gain ?? -1) { expected = (j, e) }
            }
            let fast = SpatialChallenge.bestTarget(initiator: i, assessment: assessment, problem: input.problem)
            #expect(fast?.receiver == expected?.0)
            #expect(fast?.estimate == expected?.1, "bit-identical to the general estimate")
        }
    }

    @Test func accommodationMovesIdealsPartWay() {
        // actor 0 keeps half its old ideal: I_0 = 0.5 x_0 + 0.5 I_0; actor 1 follows its position.
        var a = SquareMatrix(size: 2)
        a.storage = [0.5, 0, 0, 1]
        let problem = SpatialProblem(capability: [1, 1], salience: [0.5, 0.5], dimensionCount: 1,
                                     accommodation: a, settings: SpatialSettings())
        let engine = SpatialEngine(problem: problem, valuation: .incremental, stopRule: .init(), seed: 0)
        let ideals = engine.newIdeals(old: [0.2, 0.9], positions: [0.6, 0.4])
        #expect(abs(ideals[0] - 0.4) < 1e-12)
        #expect(abs(ideals[1] - 0.4) < 1e-12)
    }
}
