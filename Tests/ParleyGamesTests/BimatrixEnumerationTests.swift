import ParleyGames
import Testing

@Suite struct BimatrixEnumerationTests {
    @Test func fixturesAreThere() {
        // The fixture file must hold at least 30 games (issue 4, point 5).
        #expect(PeerFixture.all.count >= 30)
    }

    /// Parley's extreme equilibria are exactly Gambit's (enummixed, rational), as sets.
    @Test(arguments: PeerFixture.all.filter { $0.rows * $0.columns <= 64 })
    func matchesGambitExactly(fixture: PeerFixture) throws {
        try compare(fixture)
    }

    @Test(.timeLimit(.minutes(2)), arguments: PeerFixture.all.filter { $0.rows * $0.columns > 64 })
    func matchesGambitExactlyOnLargerGames(fixture: PeerFixture) throws {
        try compare(fixture)
    }

    private func compare(_ fixture: PeerFixture) throws {
        let game = try fixture.game()
        let found = try BimatrixEnumeration.solve(game)
        let ours = Set(found.map(\.profile))
        let theirs = Set(try fixture.expected())
        #expect(found.count == ours.count, "no equilibrium may be listed twice")
        #expect(ours == theirs, "\(fixture.name): Parley \(ours.count), Gambit \(theirs.count)")
        for equilibrium in found {
            let match = fixture.equilibria.first { eq in
                MixedProfile(eq.strategies.map { $0.compactMap(Rational.init) }) == equilibrium.profile
            }
            if let match { #expect(match.payoffs.compactMap(Rational.init) == equilibrium.payoffs) }
        }
        #expect(game.pureEquilibria().count == fixture.pure_count)
    }

    /// The published counts of the reference (§3a): gambit rational = lrsnash = gambit double = nashpy vertex.
    @Test(arguments: [
        (4, [6, 3, 3, 3, 1], [2, 1, 0, 2, 1]), (6, [3, 5, 1, 7, 5], [1, 3, 1, 2, 1]), (8, [3, 11, 5, 5, 11], [1, 3, 1, 1, 2]),
    ])
    func reproducesPublishedCounts(size: Int, counts: [Int], pure: [Int]) throws {
        for k in 0..<5 {
            let game = try #require(RandomBimatrix.game(rows: size, columns: size, seed: RandomBimatrix.seed(size: size, index: k)))
            let equilibria = try BimatrixEnumeration.solve(game)
            #expect(equilibria.count == counts[k], "\(size)x\(size) seed \(RandomBimatrix.seed(size: size, index: k))")
            #expect(equilibria.filter(\.profile.isPure).count == pure[k])
            for equilibrium in equilibria { #expect(game.isNashEquilibrium(equilibrium.profile)) }
        }
    }

    @Test func generatorMatchesTheReference() throws {
        // Reference §1: game 4x4 with seed 4000.
        let game = try #require(RandomBimatrix.game(rows: 4, columns: 4, seed: 4000))
        let (a, b) = try #require(game.bimatrixPayoffs)
        #expect(a == [[54, 3, 62, 41], [55, 77, 80, 73], [98, 27, 19, 19], [82, 89, 6, 52]].map { $0.map { Rational($0) } })
        #expect(b == [[98, 88, 16, 61], [38, 35, 75, 75], [36, 84, 86, 35], [95, 30, 22, 44]].map { $0.map { Rational($0) } })
    }

    @Test func battleOfTheSexesHasThreeEquilibria() throws {
        let found = try BimatrixEnumeration.solve(try HandGames.battle)
        let mixed = MixedProfile([[try #require(Rational("3/5")), try #require(Rational("2/5"))], [try #require(Rational("2/5")), try #require(Rational("3/5"))]])
        #expect(Set(found.map(\.profile)) == [MixedProfile(pure: [0, 0], shape: [2, 2]), MixedProfile(pure: [1, 1], shape: [2, 2]), mixed])
        #expect(Set(found.compactMap(\.component)).count == 3)  // isolated equilibria: one component each
    }

    @Test func continuumIsOneComponentWithItsExtremePoints() throws {
        // Every profile of the all-zero 2x2 game is an equilibrium: the square's four corners.
        let found = try BimatrixEnumeration.solve(try HandGames.bimatrix([[0, 0], [0, 0]], [[0, 0], [0, 0]]))
        #expect(found.count == 4)
        #expect(Set(found.compactMap(\.component)) == [0])
    }

    @Test func refusesThreePlayers() throws {
        let game = try NormalFormGame(players: ["a", "b", "c"], strategies: [["x"], ["y"], ["z"]], payoffs: [[1, 2, 3]])
        #expect(throws: GameError.self) { try BimatrixEnumeration.solve(game) }
    }
}
