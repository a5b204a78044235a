import Foundation
import ParleyBargaining
import ParleyCore
import Testing

/// Three actors worked by hand through one round of the textbook model (the defaults).
///
/// a: capability 2, position 0, salience 40; b: 3, 20, 80; c: 2, 100, 80; scale 0-100.
/// Saliences become 0.4, 0.8, 0.8; weights w = c·s: a 0.8, b 2.4, c 1.6 (total 4.8).
/// d = data range = 100 - 0 = 100.
@Suite struct ExpectedUtilityHandWorkedTests {
    static func threeActors() throws -> Scenario {
        try EUTestSupport.oneIssue([("a", 2, 0, 40), ("b", 3, 20, 80), ("c", 2, 100, 80)])
    }

    @Test func firstPassVotesProbabilitiesAndUtilities() throws {
        let round = try ExpectedUtilityModel().round(on: "x", of: try Self.threeActors())
        #expect(round.scaleWidth == 100)
        // Median voter: D(y) = Σ w|x - y|: D(0) = 2.4·20 + 1.6·100 = 208, D(20) = 0.8·20 + 1.6·80 = 144,
        // D(100) = 0.8·100 + 2.4·80 = 272 -> μ = 20 (b's position; the weighted median).
        #expect(round.firstPassMedianVoter == 20)
        // Votes v_k(i,j) = w_k(|x_k - x_j| - |x_k - x_i|)/d, P_i(ij) = Σ[v]+ / Σ|v|:
        //   a over b: a 0.8·20/100 = 0.16, b 2.4·(0-20)/100 = -0.48, c 1.6·(80-100)/100 = -0.32
        //             P = 0.16/0.96 = 1/6, and P_b(ba) = 0.80/0.96 = 5/6
        //   a over c: a 0.8·100/100 = 0.8, b 2.4·(80-20)/100 = 1.44, c 1.6·(0-100)/100 = -1.6
        //             P = 2.24/3.84 = 7/12, P_c(ca) = 5/12
        //   b over c: a 0.8·(100-20)/100 = 0.64, b 2.4·80/100 = 1.92, c 1.6·(0-80)/100 = -1.28
        //             P = 2.56/3.84 = 2/3, P_c(cb) = 1/3
        let p = round.firstPassWinProbabilities
        let expectedP: [[Double]] = [[0, 1.0 / 6, 7.0 / 12], [5.0 / 6, 0, 2.0 / 3], [5.0 / 12, 1.0 / 3, 0]]
        for i in 0..<3 {
            for j in 0..<3 { #expect(abs(p[i][j] - expectedP[i][j]) < 1e-12, "P[\(i)][\(j)]") }
        }
        // At r = 1 with Q = 1: with g = |x_i - x_j|/d, U_s = 2 - 4(0.5 - 0.5g) = 2g, U_f = -2g, U_sq = 0, so
        // EU_i(ij) = s_j(P·2g - (1-P)·2g) + (1 - s_j)·2g = 2g(1 - 2 s_j (1 - P)).
        //   EU_a(ab) = 0.4(1 - 1.6·5/6)  = -2/15      EU_a(ac) = 2(1 - 1.6·5/12) = 2/3
        //   EU_b(ba) = 0.4(1 - 0.8·1/6)  = 5.2/15     EU_b(bc) = 1.6(1 - 1.6·1/3) = 11.2/15
        //   EU_c(ca) = 2(1 - 0.8·7/12)   = 16/15      EU_c(cb) = 1.6(1 - 1.6·2/3) = -1.6/15
        let eu = round.firstPassExpectedUtilities
        let expectedEU: [[Double]] = [[0, -2.0 / 15, 2.0 / 3], [5.2 / 15, 0, 11.2 / 15], [16.0 / 15, -1.6 / 15, 0]]
        for i in 0..<3 {
            for j in 0..<3 { #expect(abs(eu[i][j] - expectedEU[i][j]) < 1e-12, "EU[\(i)][\(j)]") }
        }
        // Security sec_i = Σ_{j≠i} EU_j(ji): a = 5.2/15 + 16/15 = 21.2/15, b = -2/15 - 1.6/15 = -3.6/15,
        // c = 10/15 + 11.2/15 = 21.2/15. Max 21.2/15 (a and c), min -3.6/15 (b):
        // R_a = R_c = (2·21.2 - 21.2 + 3.6)/(21.2 + 3.6) = 1, R_b = -1;
        // r = (1 - R/3)/(1 + R/3): r_a = r_c = (2/3)/(4/3) = 0.5, r_b = (4/3)/(2/3) = 2.
        let sec = [21.2 / 15, -3.6 / 15, 21.2 / 15]
        for i in 0..<3 { #expect(abs(round.securities[i] - sec[i]) < 1e-12) }
        for (r, expected) in zip(round.riskExponents, [0.5, 2, 0.5]) { #expect(abs(r - expected) < 1e-12) }
    }

    @Test func secondPassOffersAndNewPositions() throws {
        let round = try ExpectedUtilityModel().round(on: "x", of: try Self.threeActors())
        // Linear votes do not depend on r, so the second pass keeps P; with Q = 1,
        // EU = s_j(P U_s + (1-P) U_f) + (1 - s_j) U_s - U_sq, U = 2 - 4·base^r.
        let sqrt = { (x: Double) in x.squareRoot() }
        // --- a (r = 0.5) -----------------------------------------------------------------------
        // U_sq = 2 - 4·√0.5 = -0.828427
        let aSQ = 2 - 4 * sqrt(0.5)
        // a vs b, g = 0.2: U_s = 2 - 4√0.4 = -0.529822, U_f = 2 - 4√0.6 = -1.098387
        let abS = 2 - 4 * sqrt(0.4), abF = 2 - 4 * sqrt(0.6)
        // E1 = EU_a(ab) = 0.8(1/6·U_s + 5/6·U_f) + 0.2 U_s - U_sq = -0.802901 - 0.105964 + 0.828427 = -0.080438
        let aE1b = 0.8 * (abS / 6 + 5 * abF / 6) + 0.2 * abS - aSQ
        // E2 = EU_b(ba) with a's r: 0.4(5/6·U_s + 1/6·U_f) + 0.6 U_s - U_sq = -0.249833 - 0.317893 + 0.828427 = 0.260701
        let aE2b = 0.4 * (5 * abS / 6 + abF / 6) + 0.6 * abS - aSQ
        // E2 > 0 > E1 and E2 > |E1|: compromise, 0 + (20 - 0)·|E1/E2| = 20·0.308545 = 6.170911
        let aCompromise = 20 * abs(aE1b / aE2b)
        // a vs c, g = 1: U_s = 2 - 4·0 = 2, U_f = 2 - 4·1 = -2.
        // E1 = EU_a(ac) = 0.8(7/12·2 - 5/12·2) + 0.2·2 - U_sq = 0.266667 + 0.4 + 0.828427 = 1.495094
        // E2 = EU_c(ca) = 0.4(5/12·2 - 7/12·2) + 0.6·2 - U_sq = -0.133333 + 1.2 + 0.828427 = 1.895094
        // E2 > E1 > 0: confrontation, a would move to 100. Smallest move: the compromise.
        let aE1c = 0.8 * (2 * 7.0 / 12 - 2 * 5.0 / 12) + 0.4 - aSQ
        let aE2c = 0.4 * (2 * 5.0 / 12 - 2 * 7.0 / 12) + 1.2 - aSQ
        let aOffers = round.offers[0]
        #expect(aOffers.map(\.from) == [1, 2])
        #expect(aOffers.map(\.kind) == [.compromise, .confrontation])
        #expect(abs(aOffers[0].ownExpectedUtility - aE1b) < 1e-12 && abs(aE1b - -0.080438) < 1e-6)
        #expect(abs(aOffers[0].opponentExpectedUtility - aE2b) < 1e-12 && abs(aE2b - 0.260701) < 1e-6)
        #expect(abs(aOffers[0].position - aCompromise) < 1e-12 && abs(aCompromise - 6.170911) < 1e-6)
        #expect(abs(aOffers[1].ownExpectedUtility - aE1c) < 1e-12 && abs(aE1c - 1.495094) < 1e-6)
        #expect(abs(aOffers[1].opponentExpectedUtility - aE2c) < 1e-12 && abs(aE2c - 1.895094) < 1e-6)
        #expect(aOffers[1].position == 100)

        // --- b (r = 2) ------------------------------------------------------------------------
        // U_sq = 2 - 4·0.25 = 1.
        // b vs a, g = 0.2: U_s = 2 - 4·0.4² = 1.36, U_f = 2 - 4·0.6² = 0.56.
        //   E1 = EU_b(ba) = 0.4(5/6·1.36 + 1/6·0.56) + 0.6·1.36 - 1 = 0.490667 - 0.184 = 0.306667
        //   E2 = EU_a(ab) = 0.8(1/6·1.36 + 5/6·0.56) + 0.2·1.36 - 1 = 0.554667 - 0.728 = -0.173333
        // b vs c, g = 0.8: U_s = 2 - 4·0.1² = 1.96, U_f = 2 - 4·0.9² = -1.24.
        //   E1 = EU_b(bc) = 0.8(2/3·1.96 - 1/3·1.24) + 0.2·1.96 - 1 = 0.714667 - 0.608 = 0.106667
        //   E2 = EU_c(cb) = 0.8(1/3·1.96 - 2/3·1.24) + 0.2·1.96 - 1 = -0.138667 - 0.608 = -0.746667
        // E2 < 0 in both: no row of the table applies; b stays at 20.
        let bOffers = round.offers[1]
        let bExpected: [(Double, Double)] = [
            (0.4 * (5 * 1.36 / 6 + 0.56 / 6) + 0.6 * 1.36 - 1, 0.8 * (1.36 / 6 + 5 * 0.56 / 6) + 0.2 * 1.36 - 1),
            (0.8 * (2 * 1.96 / 3 - 1.24 / 3) + 0.2 * 1.96 - 1, 0.8 * (1.96 / 3 - 2 * 1.24 / 3) + 0.2 * 1.96 - 1),
        ]
        #expect(bOffers.map(\.kind) == [nil, nil])
        for (offer, expected) in zip(bOffers, bExpected) {
            #expect(abs(offer.ownExpectedUtility - expected.0) < 1e-12)
            #expect(abs(offer.opponentExpectedUtility - expected.1) < 1e-12)
        }
        #expect(abs(bExpected[0].0 - 0.306667) < 1e-6 && abs(bExpected[1].1 - -0.746667) < 1e-6)

        // --- c (r = 0.5) ----------------------------------------------------------------------
        // c vs a, g = 1: E1 = EU_c(ca) = 1.895094 > E2 = EU_a(ac) = 1.495094 > 0: c would win; no move.
        // c vs b, g = 0.8: U_s = 2 - 4√0.1 = 0.735089, U_f = 2 - 4√0.9 = -1.794733.
        //   E1 = EU_c(cb) = 0.8(1/3·U_s + 2/3·U_f) + 0.2 U_s - U_sq = -0.761167 + 0.147018 + 0.828427 = 0.214278
        //   E2 = EU_b(bc) = 0.8(2/3·U_s + 1/3·U_f) + 0.2 U_s - U_sq = -0.086548 + 0.147018 + 0.828427 = 0.888897
        // E2 > E1 > 0: confrontation lost, c moves to b's 20.
        let cbS = 2 - 4 * sqrt(0.1), cbF = 2 - 4 * sqrt(0.9)
        let cE1b = 0.8 * (cbS / 3 + 2 * cbF / 3) + 0.2 * cbS - aSQ
        let cE2b = 0.8 * (2 * cbS / 3 + cbF / 3) + 0.2 * cbS - aSQ
        let cOffers = round.offers[2]
        #expect(cOffers.map(\.kind) == [nil, .confrontation])
        #expect(abs(cOffers[1].ownExpectedUtility - cE1b) < 1e-12 && abs(cE1b - 0.214278) < 1e-6)
        #expect(abs(cOffers[1].opponentExpectedUtility - cE2b) < 1e-12 && abs(cE2b - 0.888897) < 1e-6)

        // New positions, all at once: a 6.170911, b 20, c 20.
        #expect(abs(round.newPositions[0] - aCompromise) < 1e-12)
        #expect(round.newPositions[1] == 20)
        #expect(round.newPositions[2] == 20)
    }

    @Test func runStartsWithTheHandWorkedRoundAndSettlesOnTheMedian() throws {
        let run = try #require(try ExpectedUtilityModel().runIssues(try Self.threeActors()).first)
        // Round 0 is the input; round 1 the hand-worked positions; the forecast after round 1 is
        // the Condorcet median of (6.17 w 0.8, 20 w 2.4, 20 w 1.6) = 20.
        #expect(run.positions[0] == [0, 20, 100])
        #expect(abs(run.positions[1][0] - 6.170910779497047) < 1e-9)
        #expect(run.forecasts[0] == 20 && run.forecasts[1] == 20)
        // a keeps compromising toward 20; positions converge (tolerance 1e-6 of d = 1e-4).
        guard case .converged(let round) = run.stopReason else {
            Issue.record("expected convergence, got \(run.stopReason)")
            return
        }
        #expect(round == run.roundsRun)
        #expect(abs((run.positions.last?[0] ?? 0) - 20) < 0.1)
        #expect(run.finalForecast == 20)
    }
}
