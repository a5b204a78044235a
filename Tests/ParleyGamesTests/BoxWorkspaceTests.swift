import Foundation
@testable import ParleyGames
import Testing

/// The enumpoly box search's ranges over a box cut by the simplex constraints
/// (`BoxWorkspace.ranges`), checked against an independent evaluation of the payoff
/// differences from the game's payoffs.
@Suite struct BoxWorkspaceTests {
    /// A 3×3×3 game with payoffs 0...99 from a fixed linear congruential sequence.
    static func game() throws -> NormalFormGame {
        try congruentialGame([3, 3, 3], seed: 20_261_205, range: 100)
    }

    /// `u_i(t, x_-i) − u_i(s, x_-i)` summed over every opponents' profile, straight from the payoffs.
    static func difference(_ game: NormalFormGame, _ function: SupportSystem.Function, base: Int, y: [Double]) -> Double {
        // Full supports {0, 1, 2}: player j's free variables are y[2j], y[2j + 1] (strategies 1, 2).
        var x: [[Double]] = []
        for j in 0..<3 {
            let first: Double = y[2 * j]
            let second: Double = y[2 * j + 1]
            x.append([1 - first - second, first, second])
        }
        let i = function.player
        var total = 0.0
        for a in 0..<3 {
            for b in 0..<3 {
                var choice = [0, 0, 0]
                let opponents = (0..<3).filter { $0 != i }
                choice[opponents[0]] = a
                choice[opponents[1]] = b
                let weight = x[opponents[0]][a] * x[opponents[1]][b]
                choice[i] = function.strategy
                let high = game.payoffs[game.profileIndex(choice)][i].doubleValue
                choice[i] = base
                let low = game.payoffs[game.profileIndex(choice)][i].doubleValue
                total += weight * (high - low)
            }
        }
        return total
    }

    static func workspace(_ game: NormalFormGame, lower: [Double], upper: [Double]) -> BoxWorkspace {
        let table = game.payoffs.map { $0.map(\.doubleValue) }
        let work = BoxWorkspace(SupportSystem(game, table: table, supports: [[0, 1, 2], [0, 1, 2], [0, 1, 2]]))
        for v in 0..<6 {
            work.lower[v] = lower[v]
            work.upper[v] = upper[v]
        }
        return work
    }

    /// Inside the simplex the cut changes nothing, and a multilinear function's range over a box
    /// is the range of its values at the box's 2⁶ vertices (evaluated independently).
    @Test func rangeInsideTheSimplexIsTheVertexRange() throws {
        let game = try Self.game()
        let lower = [0.1, 0.2, 0.05, 0.3, 0.2, 0.1]
        let upper = [0.3, 0.4, 0.25, 0.5, 0.45, 0.3]
        let work = Self.workspace(game, lower: lower, upper: upper)
        for (f, function) in work.system.functions.enumerated() {
            let values = (0..<64).map { mask in
                Self.difference(game, function, base: 0, y: (0..<6).map { (mask >> $0) & 1 == 1 ? upper[$0] : lower[$0] })
            }
            let range = work.ranges(f)
            let cut = try #require(range.cut)
            #expect(abs(cut.lowest - (values.min() ?? 0)) < 1e-9)
            #expect(abs(cut.highest - (values.max() ?? 0)) < 1e-9)
            // The centred form encloses the exact range.
            #expect(range.value - range.radius <= cut.lowest + 1e-9 && cut.highest - 1e-9 <= range.value + range.radius)
        }
    }

    /// Over boxes that cross the simplex's face, every value at a grid point of the box with
    /// each player's probabilities summing to at most 1 + 2⁻¹⁰ lies in the cut range, and the cut
    /// range is strictly narrower than the centred form's for some function.
    static let domainLow: [Double] = Array(repeating: -0x1p-10, count: 6)
    static let domainHigh: [Double] = Array(repeating: 1 + 0x1p-10, count: 6)
    static let crossingLow: [Double] = [0.3, 0.3, 0.0, 0.4, 0.25, 0.5]
    static let crossingHigh: [Double] = [0.7, 0.7, 0.5, 0.9, 0.75, 0.8]

    @Test(arguments: [0, 1])
    func cutRangeHoldsEverySampledValue(_ which: Int) throws {
        let box = which == 0 ? (Self.domainLow, Self.domainHigh) : (Self.crossingLow, Self.crossingHigh)
        let game = try Self.game()
        let (lower, upper) = box
        let work = Self.workspace(game, lower: lower, upper: upper)
        let steps = 4
        let points = (steps + 1) * (steps + 1) * (steps + 1) * (steps + 1) * (steps + 1) * (steps + 1)
        var narrower = false
        for (f, function) in work.system.functions.enumerated() {
            let range = work.ranges(f)
            let cut = try #require(range.cut)
            if cut.highest - cut.lowest < 0.99 * 2 * range.radius { narrower = true }
            var sampled = 0
            for index in 0..<points {
                var rest = index
                var y: [Double] = []
                for v in 0..<6 {
                    y.append(lower[v] + (upper[v] - lower[v]) * Double(rest % (steps + 1)) / Double(steps))
                    rest /= steps + 1
                }
                guard (0..<3).allSatisfy({ y[2 * $0] + y[2 * $0 + 1] <= 1 + 0x1p-10 }) else { continue }
                let value = Self.difference(game, function, base: 0, y: y)
                #expect(value >= cut.lowest - 1e-9 && value <= cut.highest + 1e-9)
                sampled += 1
            }
            #expect(sampled > 20)
        }
        #expect(narrower)
    }

    /// The full-support equilibrium of ``game()`` (Parley's enumpoly, certified isolated), as the
    /// free variables (strategies 2 and 3 of each player).
    static let root = [0.40586489886006105, 0.5479270737674231, 0.19070056083840844, 0.1761634000955427,
                       0.06478642032114415, 0.7064333036667401]

    /// Soundness of every test in `examine` (ranges, propagation, the root pinning and block
    /// contractions, and the Krawczyk step): on 300 boxes of widths 2⁻¹⁴ to 1 around an
    /// equilibrium, the box is never discarded, and every contraction keeps the equilibrium inside.
    static func expectNeverDiscarded(_ game: NormalFormGame, supports: [[Int]], root: [Double]) {
        let table = game.payoffs.map { $0.map(\.doubleValue) }
        let d = root.count
        var state: UInt64 = 17
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        var contracted = 0
        for _ in 0..<300 {
            let scale = pow(2, -14 * uniform())
            let work = BoxWorkspace(SupportSystem(game, table: table, supports: supports))
            for v in 0..<d {
                work.lower[v] = max(root[v] - scale * (0.05 + uniform()), -0x1p-10)
                work.upper[v] = min(root[v] + scale * (0.05 + uniform()), 1 + 0x1p-10)
            }
            for _ in 0..<30 {
                let verdict = work.examine()
                for v in 0..<d {
                    #expect(work.lower[v] <= root[v] + 1e-12 && root[v] - 1e-12 <= work.upper[v])
                }
                if case .discard = verdict { Issue.record("a box around the equilibrium was discarded") }
                guard case .contracted = verdict else { break }
                contracted += 1
            }
        }
        #expect(contracted > 50)
    }

    /// The full-support equilibrium of ``game()`` (Parley's enumpoly, certified isolated), as the
    /// free variables (strategies 2 and 3 of each player): blocks of two variables.
    @Test func boxesAroundAnEquilibriumAreNeverDiscarded() throws {
        Self.expectNeverDiscarded(try Self.game(), supports: [[0, 1, 2], [0, 1, 2], [0, 1, 2]], root: Self.root)
    }

    /// The same in a 2⁵ game (payoffs 0...99 from the same sequence, seed 5), around its
    /// fully mixed equilibrium (Parley's enumpoly, certified isolated): one-variable blocks,
    /// where the roots of each equation in each variable are pinned from the box's vertices.
    @Test func boxesAroundABinaryEquilibriumAreNeverDiscarded() throws {
        let game = try congruentialGame([2, 2, 2, 2, 2], seed: 5, range: 100)
        let root = [0.298071653639398, 0.5978185081955409, 0.5785202185403346, 0.47076517273556834, 0.4853686418273935]
        Self.expectNeverDiscarded(game, supports: Array(repeating: [0, 1], count: 5), root: root)
    }
}
