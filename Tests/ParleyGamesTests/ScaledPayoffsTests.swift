import ParleyCore
@testable import ParleyGames
import Testing

/// `ScaledPayoffs` (enumpoly's integer arithmetic over common denominators) against the
/// rational definitions in `NormalFormGame` and a hand calculation.
@Suite struct ScaledPayoffsTests {
    /// Player 1's payoffs [[1, 0], [0, 2]], player 2's all zero; p = (1/2, 1/2), q = (1/3, 2/3).
    /// By hand: row 1 pays 1·1/3 = 1/3, row 2 pays 2·2/3 = 4/3, player 1 gets ½·⅓ + ½·4/3 = 5/6,
    /// so its regret is 4/3 − 5/6 = 1/2; player 2 has none.
    @Test func handCalculation() throws {
        let game = try NormalFormGame(players: ["A", "B"], strategies: [["1", "2"], ["1", "2"]],
                                      payoffs: [[1, 0], [0, 0], [0, 0], [2, 0]])
        let profile = MixedProfile([[Rational(reducing: 1, 2), Rational(reducing: 1, 2)], [Rational(reducing: 1, 3), Rational(reducing: 2, 3)]])
        let scaled = ScaledPayoffs(game)
        #expect(scaled.regret(profile) == Rational(reducing: 1, 2))
        #expect(scaled.expectedPayoffs(profile) == [Rational(reducing: 5, 6), .zero])
    }

    /// Property: on seeded random 2×3×2 and 2⁴ games with fractional, negative payoffs and random
    /// profiles (some probabilities zero, denominators up to 2⁵⁰), both agree with `NormalFormGame`.
    @Test(arguments: [[2, 3, 2], [2, 2, 2, 2]])
    func agreesWithRationalArithmetic(_ shape: [Int]) throws {
        var stream = RandomStream(seed: 17, purpose: "scaled-payoffs-test")
        for _ in 0..<20 {
            let count = shape.reduce(1, *)
            let rows = (0..<count).map { _ in
                shape.indices.map { _ in Rational(reducing: ExactInt(Int(stream.next() % 201) - 100), ExactInt(Int(stream.next() % 7) + 1)) }
            }
            let game = try NormalFormGame(players: shape.indices.map { "P\($0)" },
                                          strategies: shape.map { m in (0..<m).map { "s\($0)" } }, payoffs: rows)
            let profile = MixedProfile(shape.map { m in
                var weights = (0..<m).map { _ in Int(stream.next() % 4) == 0 ? 0 : Int(stream.next() % (1 << 50)) + 1 }
                if weights.allSatisfy({ $0 == 0 }) { weights[0] = 1 }
                let total = weights.reduce(0, +)
                return weights.map { Rational(reducing: ExactInt($0), ExactInt(total)) }
            })
            let scaled = ScaledPayoffs(game)
            #expect(scaled.regret(profile) == game.regret(profile))
            #expect(scaled.expectedPayoffs(profile) == game.expectedPayoffs(profile))
        }
    }
}
