import Foundation
@testable import ParleyGames
import Testing

/// n-player fixtures written by scripts/gambit_fixtures.sh (pygambit 16.7.0): enumpoly's
/// equilibria, simpdiv's and logit's, and logit QRE points at given λ.
struct NPlayerFixture: Decodable, Sendable, CustomTestStringConvertible {
    struct Point: Decodable, Sendable {
        var lambda: Double
        var strategies: [[Double]]
    }

    var name: String
    var shape: [Int]
    var payoffs: [[String]]
    var enumpoly: [[[Double]]]
    var simpdiv: [[[String]]]
    var logit: [[[Double]]]?
    var logit_regret: [Double]?
    var qre: [Point]?

    var testDescription: String { name }

    func game() throws -> NormalFormGame {
        let rows = try payoffs.map { row in try row.map { try #require(Rational($0)) } }
        return try NormalFormGame(title: name, players: shape.indices.map { "P\($0 + 1)" },
                                  strategies: shape.map { count in (1...count).map { "\($0)" } }, payoffs: rows)
    }

    static let all: [NPlayerFixture] = {
        struct File: Decodable { var games: [NPlayerFixture] }
        guard let data = try? Data(contentsOf: PeerFixture.directory.appendingPathComponent("nplayer.json")),
              let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.games
    }()
}

/// The largest absolute difference between two profiles of the same shape.
func distance(_ a: [[Double]], _ b: [[Double]]) -> Double {
    zip(a, b).flatMap { zip($0, $1).map { abs($0 - $1) } }.max() ?? .infinity
}

func doubles(_ profile: MixedProfile) -> [[Double]] {
    profile.probabilities.map { $0.map(\.doubleValue) }
}

@Test func fixturesArePresent() {
    #expect(NPlayerFixture.all.count >= 8)
}

@Test(arguments: NPlayerFixture.all.filter { $0.qre != nil })
func logitPointsMatchGambit(_ fixture: NPlayerFixture) throws {
    let game = try fixture.game()
    for point in fixture.qre ?? [] {
        let ours = try LogitQRE.atLambda(game, lambda: point.lambda)
        #expect(abs(ours.lambda - point.lambda) < 1e-12)
        #expect(distance(ours.probabilities, point.strategies) < 1e-6, "λ = \(point.lambda): \(ours.probabilities) vs Gambit \(point.strategies)")
    }
}

@Test(arguments: NPlayerFixture.all.filter { $0.logit != nil })
func logitLimitIsAGambitEquilibrium(_ fixture: NPlayerFixture) throws {
    let game = try fixture.game()
    let (branch, found) = try NPlayerSolver.logit(game)
    #expect(branch.converged)
    #expect(branch.points.first?.lambda == 0)
    // Refined: exact, or within a tiny regret (irrational equilibria).
    #expect(found.regret.doubleValue <= 1e-10)
    let ours = doubles(found.equilibrium.profile)
    let nearest = fixture.enumpoly.map { distance(ours, $0) }.min() ?? .infinity
    #expect(nearest < 1e-6, "\(ours) is not among enumpoly's \(fixture.enumpoly)")
    // Gambit's logit follows the same branch: its limit is the same equilibrium. On the
    // McKelvey–McLennan 2x2x2 game Gambit's tracing stops at λ ≈ 0.6 with regret 0.21 (a
    // bifurcation); ours continues to (½,½), (½,½), (1,0), one of enumpoly's nine.
    if let gambit = fixture.logit?.first, let regret = fixture.logit_regret?.first, regret < 1e-5 {
        #expect(distance(ours, gambit) < 1e-5)
    }
}

/// Nau, McCarthy and von Stengel (2004) §4: the unique equilibrium is irrational, so refinement
/// cannot make it exact; its exact regret must still be tiny.
@Test func irrationalEquilibriumHasTinyRegret() throws {
    let fixture = try #require(NPlayerFixture.all.first { $0.name == "nau2004-sec4" })
    let (_, found) = try NPlayerSolver.logit(try fixture.game())
    #expect(!found.isExact)
    #expect(found.regret.doubleValue < 1e-12)
    // enumpoly solves the polynomial system; Gambit's logit stops about 2e-8 away.
    let exact = try #require(fixture.enumpoly.first)
    #expect(distance(doubles(found.equilibrium.profile), exact) < 1e-9)
}

/// The cyclic 2×2×2 game of `handWorkedCyclicGame` (worked by hand below), profiles in odometer order (player 1 fastest).
func cyclicGame() throws -> NormalFormGame {
    var rows: [[Rational]] = []
    for s3 in 0..<2 {
        for s2 in 0..<2 {
            for s1 in 0..<2 {
                let u1: Rational = s1 == s2 ? (s1 == 0 ? 2 : 1) : 0
                let u2: Rational = s2 == s3 ? (s2 == 0 ? 3 : 1) : 0
                let u3: Rational = s3 != s1 ? 1 : 0
                rows.append([u1, u2, u3])
            }
        }
    }
    return try NormalFormGame(players: ["A", "B", "C"], strategies: [["1", "2"], ["1", "2"], ["1", "2"]], payoffs: rows)
}

/// A cyclic 2×2×2 game worked by hand. Player 1 wants to match player 2 (2 on (1,1), 1 on
/// (2,2)), player 2 to match player 3 (3 and 1), player 3 to mismatch player 1 (1 each). No pure
/// profile is stable (the cycle has one mismatcher), and in a mixed equilibrium each player makes
/// the next one indifferent: 2·q2 = 1·(1 − q2) gives q2 = 1/3; 3·q3 = 1 − q3 gives q3 = 1/4;
/// 1 − q1 = q1 gives q1 = 1/2 (q = probability of strategy 1). Payoffs: 2/3, 3/4, 1/2.
@Test func handWorkedCyclicGame() throws {
    let game = try cyclicGame()
    #expect(game.pureEquilibria().isEmpty)
    let (_, found) = try NPlayerSolver.logit(game)
    #expect(found.isExact)
    let r = { (n: Int, d: Int) in Rational(numerator: ExactInt(n), denominator: ExactInt(d)) ?? .zero }
    #expect(found.equilibrium.profile == MixedProfile([[r(1, 2), r(1, 2)], [r(1, 3), r(2, 3)], [r(1, 4), r(3, 4)]]))
    #expect(found.equilibrium.payoffs == [r(2, 3), r(3, 4), r(1, 2)])
    // At λ = 0 the QRE is the centroid; at every traced point the logit equations hold.
    let branch = try LogitQRE.traceBranch(game)
    #expect(branch.points[0].probabilities == [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]])
    let table = PayoffTable(game)
    for point in branch.points.prefix(40) {
        let p = point.probabilities.flatMap { $0 }
        let values = table.strategyValues(p, derivatives: false).values
        for i in 0..<3 {
            let b = table.offsets[i]
            #expect(abs(log(p[b + 1] / p[b]) - point.lambda * (values[b + 1] - values[b])) < 1e-8)
        }
    }
}

/// Two players: the logit limit, refined, is exactly one of the extreme equilibria that vertex
/// enumeration finds (generic games, where the branch ends at an isolated equilibrium).
@Test(arguments: ["coord2.nfg", "oneill.nfg", "sec3.nfg", "random-4x4-4002", "random-5x5-5001", "random-6x6-6000"])
func logitAgreesWithEnumerationForTwoPlayers(_ name: String) throws {
    let fixture = try #require(PeerFixture.all.first { $0.name == name })
    let game = try fixture.game()
    let (_, found) = try NPlayerSolver.logit(game)
    #expect(found.isExact)
    #expect(try BimatrixEnumeration.solve(game).map(\.profile).contains(found.equilibrium.profile))
}

@Test func autoSolvesThreePlayersWithAMixedEquilibrium() throws {
    let fixture = try #require(NPlayerFixture.all.first { $0.name == "random-2x2x2-222000" })
    let game = try fixture.game()
    let solution = try GameSolver.solve(game, method: .automatic)
    #expect(solution.method == .logit)
    let regrets = try #require(solution.approximation?.regrets)
    #expect(regrets.count == solution.equilibria.count)
    #expect(solution.equilibria.contains { !$0.profile.isPure })
    let qre = try GameSolver.solve(game, method: .logit, lambda: 0.5)
    #expect(qre.equilibria.isEmpty)
    let point = try #require(qre.approximation?.quantalResponse)
    let gambit = try #require(fixture.qre?.first { abs($0.lambda - 0.5) < 1e-6 })
    #expect(distance(point.probabilities, gambit.strategies) < 1e-6)
}
