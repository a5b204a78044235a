import Foundation
@testable import ParleyGames
import Testing

private func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: ExactInt(n), denominator: ExactInt(d)) ?? .zero }

/// max x + y s.t. x + 2y ≤ 4, 3x + y ≤ 6: the optimum is at the crossing (8/5, 6/5), value 14/5.
@Test func exactLinearProgramFindsTheVertex() {
    var lp = ExactLinearProgram(maximise: [1, 1])
    lp.add([1, 2], .lessOrEqual, 4)
    lp.add([3, 1], .lessOrEqual, 6)
    #expect(lp.solve() == .optimal(value: r(14, 5), x: [r(8, 5), r(6, 5)]))
    // x + y ≥ 5 cuts the feasible set off (the largest x + y is 14/5).
    lp.add([1, 1], .greaterOrEqual, 5)
    #expect(lp.solve() == .infeasible)
    // Equality and ≥ rows need phase 1: min x + y (max −x − y) with x + y = 3, x ≥ 1 → value −3, x = 3.
    var second = ExactLinearProgram(maximise: [-1, -1])
    second.add([1, 1], .equal, 3)
    second.add([1, 0], .greaterOrEqual, 1)
    guard case .optimal(let value, _) = second.solve() else {
        Issue.record("expected an optimum")
        return
    }
    #expect(value == r(-3))
    var unbounded = ExactLinearProgram(maximise: [1, 0])
    unbounded.add([1, -1], .lessOrEqual, 1)
    #expect(unbounded.solve() == .unbounded)
}

/// The textbook case: rows (3,0), (0,3), (1,1) for the row player. No row dominates another,
/// but the half–half mixture of rows 1 and 2 earns 3/2 > 1 against either column.
@Test func rowDominatedOnlyByAMixture() throws {
    let game = try NormalFormGame.bimatrix([[3, 0], [0, 3], [1, 1]], [[0, 0], [0, 0], [0, 0]])
    #expect(game.iteratedElimination(.strict).steps.isEmpty)
    #expect(game.mixedDominator(of: 2, player: 0, kind: .strict) == [r(1, 2), r(1, 2), 0])
    #expect(game.mixedDominator(of: 0, player: 0, kind: .strict) == nil)
    let result = game.iteratedElimination(.strict, mixed: true)
    #expect(result.steps.count == 1)
    #expect(result.steps.first?.strategy == 2)
    #expect(result.steps.first?.dominatingMixture == [r(1, 2), r(1, 2), 0])
    #expect(result.surviving == [[0, 1], [0, 1]])
    // With (2, 2) instead of (1, 1) the mixture only ties row 3 (3/2 < 2): not dominated.
    let tied = try NormalFormGame.bimatrix([[3, 0], [0, 3], [2, 2]], [[0, 0], [0, 0], [0, 0]])
    #expect(tied.mixedDominator(of: 2, player: 0, kind: .strict) == nil)
    #expect(tied.mixedDominator(of: 2, player: 0, kind: .weak) == nil)
}

/// Weak dominance by a mixture: rows (2,0,1), (0,2,1), (1,1,1). The half–half mixture of rows 1
/// and 2 gives (1,1,1): equal to row 3, so not weakly dominating; with row 3 = (1,1,0) it ties on
/// two columns and wins on the third, so row 3 is weakly (not strictly) dominated.
@Test func weakDominanceByAMixture() throws {
    let equal = try NormalFormGame.bimatrix([[2, 0, 1], [0, 2, 1], [1, 1, 1]], [[0, 0, 0], [0, 0, 0], [0, 0, 0]])
    #expect(equal.mixedDominator(of: 2, player: 0, kind: .weak) == nil)
    let weak = try NormalFormGame.bimatrix([[2, 0, 1], [0, 2, 1], [1, 1, 0]], [[0, 0, 0], [0, 0, 0], [0, 0, 0]])
    #expect(weak.mixedDominator(of: 2, player: 0, kind: .strict) == nil)
    #expect(weak.mixedDominator(of: 2, player: 0, kind: .weak) == [r(1, 2), r(1, 2), 0])
}

/// Gambit's contrib/games/mixdom.nfg ("needs mixed domination"): Gambit's pure-only dominance
/// (fixture: undominated_strategies_solve) removes nothing, and so does ours; with mixtures the
/// elimination goes further. Every step's mixture is re-checked here, and the game's unique
/// equilibrium (from exact enumeration) must survive strict elimination.
@Test func mixdomNeedsMixedDomination() throws {
    let game = try #require(PeerFixture.all.first { $0.name == "mixdom.nfg" }).game()
    #expect(game.iteratedElimination(.weak).steps.isEmpty)
    #expect(game.iteratedElimination(.strict).steps.isEmpty)
    let result = game.iteratedElimination(.strict, mixed: true)
    #expect(!result.steps.isEmpty)
    var surviving = game.shape.map { Array(0..<$0) }
    var byMixture = 0
    for step in result.steps {
        // Pure dominators (later rounds) are checked by the pure test; mixtures here, exactly.
        var others = surviving
        others[step.player] = [step.strategy]
        guard let mixture = step.dominatingMixture else {
            #expect(game.dominates(step.dominatedBy, step.strategy, player: step.player, kind: .strict, others: surviving))
            surviving[step.player].removeAll { $0 == step.strategy }
            continue
        }
        byMixture += 1
        #expect(mixture[step.strategy].isZero)
        #expect(mixture.reduce(Rational.zero, +) == .one)
        game.forEachProfile(in: others) { choice, index in
            var value = Rational.zero
            for (s, weight) in mixture.enumerated() where !weight.isZero {
                var other = choice
                other[step.player] = s
                value += weight * game.payoffs[game.profileIndex(other)][step.player]
            }
            #expect(value > game.payoffs[index][step.player])
        }
        surviving[step.player].removeAll { $0 == step.strategy }
    }
    #expect(byMixture >= 1)
    // Weak elimination with mixtures solves the game: row 1 (6,2,1,4) is weakly dominated by
    // ½ row 2 + ½ row 3 = (6, 5/2, 4, 6), and the rest follows by pure dominance down to (3, 2).
    let weak = game.iteratedElimination(.weak, mixed: true)
    #expect(weak.steps.first?.dominatingMixture == [0, r(1, 2), r(1, 2), 0])
    #expect(weak.surviving == [[2], [1]])
    let equilibria = try BimatrixEnumeration.solve(game)
    #expect(equilibria.count == 1)
    for (player, support) in try #require(equilibria.first).profile.supports.enumerated() {
        #expect(support.allSatisfy { result.surviving[player].contains($0) })
    }
}
