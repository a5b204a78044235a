import Foundation
@testable import ParleyGames
import Testing

/// Every reported profile is an equilibrium: exact ones have zero exact regret, isolated
/// (irrational) ones a tiny exact regret, and each has a certificate of its kind.
func expectVerified(_ result: PolynomialEnumeration.Result, _ game: NormalFormGame) {
    #expect(result.equilibria.count == result.regrets.count)
    #expect(result.equilibria.count == result.certificates.count)
    let range = PayoffTable(game).range
    for (k, equilibrium) in result.equilibria.enumerated() {
        let regret = game.regret(equilibrium.profile)
        #expect(regret == result.regrets[k])
        for row in equilibrium.profile.probabilities {
            #expect(row.allSatisfy { $0.signum >= 0 })
            #expect(row.reduce(Rational.zero, +) == .one)
        }
        switch result.certificates[k].kind {
        case .exact: #expect(regret.isZero)
        case .isolated:
            #expect(regret.doubleValue <= 1e-12 * range)
            #expect((result.certificates[k].radius ?? 1) <= 1e-5)
            #expect(result.certificates[k].support == equilibrium.profile.supports)
        }
    }
}

/// The same set as Gambit's enumpoly, matched one to one within 1e-6.
func expectSameSet(_ ours: [NashEquilibrium], _ gambit: [[[Double]]], _ name: String) {
    let mine = ours.map { doubles($0.profile) }
    #expect(mine.count == gambit.count, "\(name): \(mine.count) equilibria, Gambit \(gambit.count)")
    for theirs in gambit {
        #expect(mine.contains { distance($0, theirs) < 1e-6 }, "\(name): Gambit's \(theirs) is missing")
    }
    for profile in mine {
        #expect(gambit.contains { distance($0, profile) < 1e-6 }, "\(name): \(profile) is not among Gambit's")
    }
}

/// The n-player games of nplayer.json (scripts/gambit_fixtures.sh), with Gambit's enumpoly sets.
@Test(arguments: NPlayerFixture.all)
func enumPolyMatchesGambitOnNPlayerFixtures(_ fixture: NPlayerFixture) throws {
    let game = try fixture.game()
    let result = try PolynomialEnumeration.solve(game)
    #expect(result.complete)
    #expect(result.unresolved.isEmpty)
    expectVerified(result, game)
    expectSameSet(result.equilibria, fixture.enumpoly, fixture.name)
}

/// McKelvey and McLennan's 2×2×2 game (Gambit's contrib/games/2x2x2.nfg, copied in
/// Fixtures/gambit/games): 9 equilibria per its title, 4 of them pure (counted here
/// independently by `pureEquilibria`) and 2 totally mixed.
@Test func mckelveyMcLennanHasNineEquilibria() throws {
    // Profiles in odometer order (player 1 fastest), outcomes as in the file.
    let rows: [[Rational]] = [[9, 8, 12], [0, 0, 0], [0, 0, 0], [9, 8, 2], [0, 0, 0], [3, 4, 6], [3, 4, 6], [0, 0, 0]]
    let game = try NormalFormGame(players: ["1", "2", "3"], strategies: [["1", "2"], ["1", "2"], ["1", "2"]], payoffs: rows)
    let result = try PolynomialEnumeration.solve(game)
    #expect(result.equilibria.count == 9)
    #expect(game.pureEquilibria().count == 4)
    #expect(result.equilibria.filter(\.profile.isPure).count == 4)
    #expect(result.equilibria.filter { $0.profile.supports.allSatisfy { $0.count == 2 } }.count == 2)
    expectVerified(result, game)
    if let gambit = NPlayerFixture.all.first(where: { $0.name == "2x2x2.nfg" }) {
        expectSameSet(result.equilibria, gambit.enumpoly, gambit.name)
    }
}

/// The hand-worked cyclic game (NPlayerTests): its only equilibrium is ((1/2,1/2), (1/3,2/3), (1/4,3/4)), exactly.
@Test func cyclicGameHasOneExactEquilibrium() throws {
    let result = try PolynomialEnumeration.solve(try cyclicGame())
    let r = { (n: Int, d: Int) in Rational(numerator: ExactInt(n), denominator: ExactInt(d)) ?? .zero }
    #expect(result.equilibria.map(\.profile) == [MixedProfile([[r(1, 2), r(1, 2)], [r(1, 3), r(2, 3)], [r(1, 4), r(3, 4)]])])
    #expect(result.certificates.map(\.kind) == [.exact])
}

/// Nau et al. (2004) §4: one equilibrium, irrational (0.61923…, 0.47980…, 0.37883… per the
/// reference file), so it is certified by the interval test rather than verified exactly.
@Test func irrationalEquilibriumIsCertified() throws {
    let fixture = try #require(NPlayerFixture.all.first { $0.name == "nau2004-sec4" })
    let result = try PolynomialEnumeration.solve(try fixture.game())
    #expect(result.equilibria.count == 1)
    #expect(result.certificates.first?.kind == .isolated)
    let p = try #require(result.equilibria.first).profile.probabilities.map { $0[0].doubleValue }
    #expect(abs(p[0] - 0.61923) < 1e-5 && abs(p[1] - 0.47980) < 1e-5 && abs(p[2] - 0.37883) < 1e-5)
}

/// Worked by hand: player 1 is indifferent whatever happens (all its payoffs 0); players 2 and 3
/// get 1 when they match and 0 otherwise. Equilibria: player 2 and 3 match purely (2 ways) or
/// both mix (1/2, 1/2), whatever player 1 does. Isolated in their supports: the 4 pure profiles
/// and the 2 with player 1 pure and the others mixing (6, all exact); with player 1 mixing, 3
/// continua (one per way of matching), reported as components.
@Test func continuaAreReportedAsComponents() throws {
    var rows: [[Rational]] = []
    for s3 in 0..<2 {
        for s2 in 0..<2 {
            for _ in 0..<2 { rows.append([0, s2 == s3 ? 1 : 0, s2 == s3 ? 1 : 0]) }
        }
    }
    let game = try NormalFormGame(players: ["A", "B", "C"], strategies: [["1", "2"], ["1", "2"], ["1", "2"]], payoffs: rows)
    let result = try PolynomialEnumeration.solve(game)
    expectVerified(result, game)
    #expect(result.equilibria.count == 6)
    #expect(result.certificates.allSatisfy { $0.kind == .exact })
    #expect(result.components.count == 3)
    for component in result.components {
        #expect(component.support[0] == [0, 1])
        #expect((component.sampleRegret?.doubleValue ?? 1) < 1e-9)
    }
}

/// A game where every profile is an equilibrium (all payoffs zero): the 8 pure profiles are
/// reported exactly, the mixed ones as components; nothing is missed or invented.
@Test func allZeroGameIsDegenerateNotFatal() throws {
    let game = try NormalFormGame(players: ["A", "B", "C"], strategies: [["1", "2"], ["1", "2"], ["1", "2"]],
                                  payoffs: Array(repeating: [0, 0, 0], count: 8))
    let result = try PolynomialEnumeration.solve(game)
    #expect(result.equilibria.filter(\.profile.isPure).count == 8)
    #expect(!result.components.isEmpty)
    expectVerified(result, game)
}

/// Dominance pruning: in the prisoner's dilemma for three (defecting strictly dominates), only
/// the pure profile with everyone defecting survives, and it is the only equilibrium.
@Test func strictlyDominatedSupportsArePruned() throws {
    var rows: [[Rational]] = []
    for s3 in 0..<2 {
        for s2 in 0..<2 {
            for s1 in 0..<2 {
                let choice = [s1, s2, s3]
                // 2 per other cooperator, plus 1 for defecting: D is strictly better whatever the others do.
                rows.append(choice.indices.map { i in
                    Rational(2 * choice.indices.filter { $0 != i && choice[$0] == 0 }.count + (choice[i] == 1 ? 1 : 0))
                })
            }
        }
    }
    let game = try NormalFormGame(players: ["A", "B", "C"], strategies: [["C", "D"], ["C", "D"], ["C", "D"]], payoffs: rows)
    let result = try PolynomialEnumeration.solve(game)
    #expect(result.supportsTotal == 27)
    #expect(result.supportsSearched == 1)
    #expect(result.equilibria.map(\.profile) == [MixedProfile(pure: [1, 1, 1], shape: [2, 2, 2])])
}

/// A time limit of zero stops before the first support and says so; progress reports count up to the total.
@Test func timeLimitAndProgress() throws {
    let game = try cyclicGame()
    let stopped = try PolynomialEnumeration.solve(game, options: .init(timeLimit: .zero))
    #expect(!stopped.complete)
    #expect(stopped.equilibria.isEmpty)
    #expect(PolynomialEnumeration.notes(stopped).contains { $0.contains("time limit") })
    final class Log: @unchecked Sendable {
        let lock = NSLock()
        var reports: [PolynomialEnumeration.Progress] = []
    }
    let log = Log()
    let finished = try PolynomialEnumeration.solve(game, options: .init(progress: { report in
        log.lock.withLock { log.reports.append(report) }
    }))
    #expect(finished.complete)
    #expect(log.reports.last?.supportsDone == 27)
    #expect(log.reports.last?.supportsTotal == 27)
}

/// Through the solver: `--method enumpoly` lists the equilibria with their exact regrets and notes.
@Test func solverRunsEnumPoly() throws {
    let solution = try GameSolver.solve(try cyclicGame(), method: .enumpoly)
    #expect(solution.method == .enumpoly)
    #expect(solution.equilibria.count == 1)
    #expect(solution.approximation?.regrets == [.zero])
    #expect(solution.enumeration?.supportsTotal == 27)
    #expect(solution.notes.contains { $0.hasPrefix("support enumeration:") })
    #expect(SolveMethod(rawValue: "enumpoly") == .enumpoly)
}

/// Too many support profiles: a typed error, not a hang.
@Test func hugeGamesAreRefused() throws {
    let game = try NormalFormGame(players: ["A", "B", "C"], strategies: [(1...30).map(String.init), ["1"], ["1"]],
                                  payoffs: Array(repeating: [0, 0, 0], count: 30))
    #expect(throws: GameError.self) { try PolynomialEnumeration.solve(game) }
}
