@testable import ParleyGames
import Testing

/// Simplicial subdivision (van der Laan–Talman restart, as Gambit's `simpdiv`) checked against
/// enumpoly's equilibria and Gambit's own simpdiv results (fixture), a hand-worked game, and
/// exact two-player enumeration.
@Test(arguments: NPlayerFixture.all)
func simplicialSubdivisionFindsAGambitEquilibrium(_ fixture: NPlayerFixture) throws {
    let game = try fixture.game()
    let result = try SimplicialSubdivision.solve(game)
    let ours = doubles(result.equilibrium.equilibrium.profile)
    let nearest = fixture.enumpoly.map { distance(ours, $0) }.min() ?? .infinity
    #expect(nearest < 1e-6, "\(ours) is not among enumpoly's \(fixture.enumpoly)")
    #expect(result.regret <= 1e-9 * PayoffTable(game).range)
    #expect(result.equilibrium.regret.doubleValue < 1e-9)
}

/// From the centroid (the start scripts/gambit_fixtures.py gives Gambit) the walk is Gambit's,
/// so it ends at the equilibrium Gambit's simpdiv reports, though enumpoly lists up to 9.
@Test(arguments: NPlayerFixture.all)
func simplicialSubdivisionFromTheCentroidMatchesGambit(_ fixture: NPlayerFixture) throws {
    let game = try fixture.game()
    let result = try SimplicialSubdivision.solve(game)
    let gambit = try fixture.simpdiv.map { try $0.map { try $0.map { try #require(Rational($0)).doubleValue } } }
    let ours = doubles(result.equilibrium.equilibrium.profile)
    let nearest = gambit.map { distance(ours, $0) }.min() ?? .infinity
    #expect(nearest < 1e-6, "\(ours) differs from Gambit's simpdiv \(gambit)")
}

/// The cyclic 2×2×2 game of `handWorkedCyclicGame` (NPlayerTests): its only equilibrium is
/// (1/2, 1/2), (1/3, 2/3), (1/4, 3/4), worked out by hand there.
@Test func simplicialSubdivisionSolvesTheCyclicGame() throws {
    let game = try cyclicGame()
    let result = try SimplicialSubdivision.solve(game)
    #expect(result.equilibrium.isExact)
    let r = { (n: Int, d: Int) in Rational(numerator: ExactInt(n), denominator: ExactInt(d)) ?? .zero }
    #expect(result.equilibrium.equilibrium.profile == MixedProfile([[r(1, 2), r(1, 2)], [r(1, 3), r(2, 3)], [r(1, 4), r(3, 4)]]))
    // Before refinement the grid point is already close.
    #expect(distance(result.probabilities, [[0.5, 0.5], [1.0 / 3, 2.0 / 3], [0.25, 0.75]]) < 1e-6)
}

/// Two players: the refined result is one of the extreme equilibria vertex enumeration finds.
@Test(arguments: ["coord2.nfg", "oneill.nfg", "sec3.nfg", "random-4x4-4002", "random-5x5-5001", "random-6x6-6000"])
func simplicialSubdivisionAgreesWithEnumerationForTwoPlayers(_ name: String) throws {
    let fixture = try #require(PeerFixture.all.first { $0.name == name })
    let game = try fixture.game()
    let result = try SimplicialSubdivision.solve(game)
    #expect(result.equilibrium.isExact)
    #expect(try BimatrixEnumeration.solve(game).map(\.profile).contains(result.equilibrium.equilibrium.profile))
}

/// Each round restarts from the previous round's best point, which it visits first, so the
/// least regret never grows; over the rounds it must fall to the tolerance, and the mesh must
/// shrink by the grid factor each round.
@Test func regretFallsAsTheGridIsRefined() throws {
    let fixture = try #require(NPlayerFixture.all.first { $0.name == "nau2004-sec4" })
    let game = try fixture.game()
    let result = try SimplicialSubdivision.solve(game, options: .init(gridFactor: 3, tolerance: 1e-8))
    let regrets = result.rounds.map(\.regret)
    #expect(regrets.count >= 5)
    #expect(zip(regrets, regrets.dropFirst()).allSatisfy { $1 <= $0 })
    #expect((regrets.last ?? 1) < (regrets.first ?? 0) / 100)
    #expect(zip(result.rounds, result.rounds.dropFirst()).allSatisfy { $1.denominator == 3 * $0.denominator })
}

@Test func simplicialSubdivisionRejectsBadOptions() throws {
    let fixture = try #require(NPlayerFixture.all.first { $0.name == "2x2x2.nfg" })
    let game = try fixture.game()
    #expect(throws: GameError.self) { try SimplicialSubdivision.solve(game, options: .init(gridFactor: 1)) }
    #expect(throws: GameError.self) { try SimplicialSubdivision.solve(game, options: .init(maxPivots: 3)) }
    let bad = MixedProfile([[.one, .one], [.one, .zero], [.one, .zero]])
    #expect(throws: GameError.self) { try SimplicialSubdivision.solve(game, options: .init(start: bad)) }
    // A pure equilibrium as the start is its own answer: its regret is zero on the first grid.
    let pure = MixedProfile(pure: [0, 0, 0], shape: game.shape)
    #expect(game.regret(pure).isZero)
    let result = try SimplicialSubdivision.solve(game, options: .init(start: pure))
    #expect(result.equilibrium.equilibrium.profile == pure)
    #expect(result.rounds.count == 1)
}

/// `--method simpdiv` through GameSolver: Gambit's simpdiv equilibrium of the random 2×2×2 game
/// (one with a mixed component), with its exact regret in the approximation report.
@Test func gameSolverRunsSimpdiv() throws {
    let fixture = try #require(NPlayerFixture.all.first { $0.name == "random-2x2x2-222000" })
    let solution = try GameSolver.solve(try fixture.game(), method: .simplicialSubdivision)
    #expect(solution.method == .simplicialSubdivision)
    #expect(SolveMethod(rawValue: "simpdiv") == .simplicialSubdivision)
    let found = try #require(solution.equilibria.first)
    let gambit = try fixture.simpdiv.map { try $0.map { try $0.map { try #require(Rational($0)).doubleValue } } }
    #expect(distance(doubles(found.profile), gambit[0]) < 1e-6)
    #expect(solution.approximation?.regrets.count == 1)
    #expect((solution.approximation?.regrets.first?.doubleValue ?? 1) < 1e-9)
}
