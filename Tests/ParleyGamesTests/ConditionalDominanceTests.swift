@testable import ParleyGames
import Testing

/// The bit-set test of conditional strict dominance that rules out support profiles in enumpoly
/// (`ConditionalDominance`), against the definition evaluated directly on the payoffs.
@Suite struct ConditionalDominanceTests {
    /// The definition: some s in a player's support and some other strategy t with
    /// u_i(t, o) > u_i(s, o) for every profile o of the others' supports.
    static func dominatedByDefinition(_ game: NormalFormGame, _ supports: [[Int]]) -> Bool {
        for i in supports.indices {
            var others = supports
            others[i] = [0]
            for s in supports[i] {
                for t in 0..<game.shape[i] where t != s {
                    var always = true
                    game.forEachProfile(in: others) { choice, _ in
                        var mine = choice
                        mine[i] = s
                        let low = game.payoffs[game.profileIndex(mine)][i]
                        mine[i] = t
                        if !(game.payoffs[game.profileIndex(mine)][i] > low) { always = false }
                    }
                    if always { return true }
                }
            }
        }
        return false
    }

    @Test(arguments: [([3, 3, 3], UInt64(1), UInt64(100)), ([2, 3, 4], 2, 5), ([2, 2, 2, 2], 3, 3), ([4, 2, 3], 4, 100), ([3, 2, 2, 2, 2], 5, 4)])
    func agreesWithTheDefinitionOnEverySupportProfile(_ shape: [Int], _ seed: UInt64, _ range: UInt64) throws {
        let game = try congruentialGame(shape, seed: seed, range: range)
        let dominance = ConditionalDominance(game)
        let subsets = shape.map(PolynomialEnumeration.subsetsBySize)
        var counter = Array(repeating: 0, count: shape.count)
        var pruned = 0
        var total = 0
        while true {
            let supports = counter.enumerated().map { subsets[$0.offset][$0.element] }
            let expected = Self.dominatedByDefinition(game, supports)
            #expect(dominance.dominated(supports) == expected, "\(supports)")
            if expected { pruned += 1 }
            total += 1
            var i = 0
            while i < counter.count {
                counter[i] += 1
                if counter[i] < subsets[i].count { break }
                counter[i] = 0
                i += 1
            }
            if i == counter.count { break }
        }
        // Both outcomes occur, so the comparison is not vacuous.
        #expect(pruned > 0 && pruned < total)
    }

    /// By hand: in a 2×2×2 game where player 1's strategy 1 pays 1 more than strategy 0 against
    /// everything, any support of player 1 containing 0 is ruled out, and nothing else is.
    @Test func strictlyWorseStrategyIsRuledOut() throws {
        var rows: [[Rational]] = []
        for index in 0..<8 {
            let own = index % 2
            rows.append([Rational(own + (index / 2) % 2), Rational((index / 4) % 2), Rational((index / 2) % 2)])
        }
        let game = try NormalFormGame(players: ["A", "B", "C"], strategies: [["0", "1"], ["0", "1"], ["0", "1"]], payoffs: rows)
        let dominance = ConditionalDominance(game)
        #expect(dominance.dominated([[0], [0], [0]]))
        #expect(dominance.dominated([[0, 1], [0, 1], [0, 1]]))
        #expect(!dominance.dominated([[1], [0, 1], [0, 1]]))
    }
}
