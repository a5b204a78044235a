import ParleyGames
import Testing

/// Small games whose answers are worked out by hand in the comments.
enum HandGames {
    static func bimatrix(_ a: [[Int]], _ b: [[Int]]) throws -> NormalFormGame {
        try NormalFormGame.bimatrix(a.map { $0.map { Rational($0) } }, b.map { $0.map { Rational($0) } })
    }

    /// Gambit's pd.nfg: (C,C) = 9,9; (D,C) = 10,0; (C,D) = 0,10; (D,D) = 1,1.
    static var prisonersDilemma: NormalFormGame { get throws { try bimatrix([[9, 0], [10, 1]], [[9, 10], [0, 1]]) } }
    /// Battle of the sexes as in nau2004 sec3: mixed ((3/5,2/5),(2/5,3/5)).
    static var battle: NormalFormGame { get throws { try bimatrix([[3, 0], [0, 2]], [[2, 0], [0, 3]]) } }
}

@Suite struct NormalFormGameTests {
    @Test func profilesRunLikeGambitWithPlayerOneFastest() throws {
        let game = try NormalFormGame(players: ["a", "b", "c"], strategies: [["1", "2"], ["1", "2", "3"], ["1", "2"]],
                                      payoffs: (0..<12).map { [Rational($0), 0, 0] })
        #expect(game.profileIndex([1, 0, 0]) == 1)
        #expect(game.profileIndex([0, 1, 0]) == 2)
        #expect(game.profileIndex([1, 2, 1]) == 1 + 2 * 2 + 6)  // 11
        #expect(game.profile(at: 11) == [1, 2, 1])
        #expect(game.payoff([1, 2, 1], player: 0) == 11)
    }

    @Test func rejectsWrongShapes() {
        #expect(throws: GameError.self) { try NormalFormGame(players: ["a"], strategies: [[]], payoffs: []) }
        #expect(throws: GameError.self) { try NormalFormGame(players: ["a", "b"], strategies: [["x"], ["y"]], payoffs: [[1]]) }
        #expect(throws: GameError.self) { try NormalFormGame.bimatrix([[1, 2]], [[1]]) }
    }

    @Test func prisonersDilemmaHasOnlyMutualDefection() throws {
        let game = try HandGames.prisonersDilemma
        let pure = game.pureEquilibria()
        #expect(pure.count == 1)
        #expect(pure.first?.profile.supports == [[1], [1]])
        #expect(pure.first?.payoffs == [1, 1])
        // Defection strictly dominates cooperation for both: 10 > 9 and 1 > 0.
        #expect(game.strictlyDominantStrategies(player: 0) == [1])
        #expect(game.strictlyDominantStrategies(player: 1) == [1])
        let elimination = game.iteratedElimination(.strict)
        #expect(elimination.surviving == [[1], [1]])
        #expect(elimination.steps.map(\.round) == [1, 1])
    }

    @Test func iteratedEliminationReportsTheOrder() throws {
        // Rows T, M, B; columns L, R.
        // A: T: (4, 1)  M: (2, 2)  B: (1, 0)   -> B is strictly dominated by T (4>1, 1>0) and by M (round 1);
        //    the step names the lowest-indexed dominator, T.
        // B: T: (2, 1)  M: (1, 2)  B: (0, 9)   -> R beats L only at M and B; after B goes, L vs R: T 2>1, M 1<2: no dominance.
        let game = try HandGames.bimatrix([[4, 1], [2, 2], [1, 0]], [[2, 1], [1, 2], [0, 9]])
        let result = game.iteratedElimination(.strict)
        #expect(result.steps.count == 1)
        #expect(result.steps.first.map { [$0.round, $0.player, $0.strategy, $0.dominatedBy] } == [1, 0, 2, 0])
        #expect(result.surviving == [[0, 1], [0, 1]])
    }

    @Test func weakDominanceNeedsOneStrictGain() throws {
        let game = try HandGames.bimatrix([[1, 1], [0, 1]], [[1, 1], [1, 1]])
        #expect(game.dominates(0, 1, player: 0, kind: .weak))
        #expect(!game.dominates(0, 1, player: 0, kind: .strict))
        #expect(game.weaklyDominantStrategies(player: 0) == [0])
        #expect(game.weaklyDominantStrategies(player: 1).isEmpty)  // identical columns: neither weakly dominates
    }

    @Test func bestResponsesAndRegret() throws {
        let game = try HandGames.battle
        let half = try #require(Rational("1/2"))
        let profile = MixedProfile([[half, half], [half, half]])
        // Row against (1/2, 1/2): row 1 earns 3/2, row 2 earns 1.
        #expect(game.strategyPayoffs(profile, player: 0) == [try #require(Rational("3/2")), 1])
        #expect(game.bestResponses(to: profile, player: 0) == [0])
        let mixed = MixedProfile([[try #require(Rational("3/5")), try #require(Rational("2/5"))], [try #require(Rational("2/5")), try #require(Rational("3/5"))]])
        #expect(game.isNashEquilibrium(mixed))
        #expect(game.expectedPayoffs(mixed) == [try #require(Rational("6/5")), try #require(Rational("6/5"))])
    }
}
