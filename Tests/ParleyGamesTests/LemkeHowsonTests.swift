import ParleyGames
import Testing

@Suite struct LemkeHowsonTests {
    @Test(arguments: [20, 50])
    func findsAVerifiedEquilibriumOnRandomGames(size: Int) throws {
        for k in 0..<3 {
            let game = try #require(RandomBimatrix.game(rows: size, columns: size, seed: RandomBimatrix.seed(size: size, index: k)))
            let outcome = try LemkeHowson.solve(game, droppedLabel: 0)
            #expect(game.isNashEquilibrium(outcome.equilibrium.profile))
            #expect(game.expectedPayoffs(outcome.equilibrium.profile) == outcome.equilibrium.payoffs)
        }
    }

    @Test func everyLabelReachesAnExtremeEquilibrium() throws {
        // On small games the LH endpoints are vertices of the best-response polytopes, so each
        // must be among the extreme equilibria that enumeration finds.
        for seed: UInt64 in [4000, 4001, 6001, 6003] {
            let game = try #require(RandomBimatrix.game(rows: Int(seed / 1000), columns: Int(seed / 1000), seed: seed))
            let all = Set(try BimatrixEnumeration.solve(game).map(\.profile))
            for equilibrium in try LemkeHowson.solveFromEveryLabel(game) {
                #expect(all.contains(equilibrium.profile), "seed \(seed)")
            }
        }
    }

    @Test func degenerateGameStillGivesAnEquilibrium() throws {
        // Gambit's deg1.nfg; LH reaches only some of its 6 extreme equilibria (reference §4).
        let game = try HandGames.bimatrix([[1, 3, 2], [2, 2, 2], [3, 1, 2]], [[1, 2, 3], [3, 2, 1], [2, 2, 2]])
        let all = Set(try BimatrixEnumeration.solve(game).map(\.profile))
        #expect(all.count == 6)
        let reached = try LemkeHowson.solveFromEveryLabel(game)
        #expect(!reached.isEmpty)
        for equilibrium in reached { #expect(game.isNashEquilibrium(equilibrium.profile)) }
    }

    @Test func rejectsABadLabel() throws {
        #expect(throws: GameError.self) { try LemkeHowson.solve(try HandGames.battle, droppedLabel: 4) }
    }
}
