import ParleyCore
import ParleyGames
import Testing

/// The classic 9-strategy tournament against axelrod 4.14.0's `ResultSet` (fixture
/// `classic.json`; the same numbers as reference/game-theory.md Oracle A).
@Suite struct AxelrodTournamentTests {
    static func classic() throws -> (TournamentResult, [String: Any]) {
        let fixture = try AxelrodFixtures.json("classic.json")
        let classic = try #require(fixture["classic"] as? [String: Any])
        let keys = try #require(classic["players"] as? [String])
        let players = try keys.map { try StrategyCatalog.player(named: $0) }
        let tournament = try Tournament(players: players, settings: MatchSettings(length: .turns(200)), repetitions: 10, seed: 1)
        return (tournament.play(jobs: 2), classic)
    }

    @Test func rankingAndScoresMatchAxelrodExactly() throws {
        let (result, expected) = try Self.classic()
        #expect(result.rankedNames == (expected["ranked_names"] as? [String]))
        #expect(result.ranking == (expected["ranking"] as? [Int]))
        let normalised = try #require(expected["normalised_scores"] as? [[Double]])
        let scores = try #require(expected["scores"] as? [[Double]])
        let wins = try #require(expected["wins"] as? [[Int]])
        for i in normalised.indices {
            for r in 0..<10 {
                #expect(abs(result.normalisedScores[i][r] - normalised[i][r]) < 1e-12)
                #expect(result.scores[i][r] == scores[i][r])
                #expect(result.wins[i][r] == wins[i][r])
            }
        }
    }

    @Test func payoffMatrixAndCooperationMatchAxelrod() throws {
        let (result, expected) = try Self.classic()
        let matrix = try #require(expected["payoff_matrix"] as? [[Double]])
        let rating = try #require(expected["cooperating_rating"] as? [Double])
        for i in matrix.indices {
            #expect(abs(result.cooperatingRating[i] - rating[i]) < 1e-12)
            for j in matrix.indices {
                #expect(abs(result.payoffMatrix[i][j] - matrix[i][j]) < 1e-12, "\(i),\(j)")
            }
        }
    }

    /// Oracle A by hand: Tit For Tat's 4197 points over 8 opponents and 200 turns.
    @Test func titForTatScoreByHand() throws {
        let (result, _) = try Self.classic()
        let tft = try #require(result.players.firstIndex { $0.name == "Tit For Tat" })
        #expect(result.scores[tft][0] == 4197)
        #expect(abs(result.medianScore(tft) - 4197.0 / 1600.0) < 1e-12)  // 2.623125
    }

    @Test func sameBytesForAnyJobCount() throws {
        let players = StrategyCatalog.classicWithRandom
        let settings = try MatchSettings(length: .turns(50), noise: 0.05)
        let tournament = try Tournament(players: players, settings: settings, repetitions: 4, seed: 7)
        let one = tournament.play(jobs: 1)
        let three = tournament.play(jobs: 3)
        #expect(one.normalisedScores == three.normalisedScores)
        #expect(one.ranking == three.ranking)
        let other = try Tournament(players: players, settings: settings, repetitions: 4, seed: 8).play(jobs: 2)
        #expect(other.normalisedScores != one.normalisedScores)
    }

    @Test func selfPlayNeverCountsTowardsScores() throws {
        let players = StrategyCatalog.classic
        let settings = try MatchSettings(length: .turns(20))
        let with = try Tournament(players: players, settings: settings, repetitions: 1, selfPlay: true).play(jobs: 1)
        let without = try Tournament(players: players, settings: settings, repetitions: 1, selfPlay: false).play(jobs: 1)
        #expect(with.normalisedScores == without.normalisedScores)
        #expect(with.payoffMatrix[0][0] == 3)  // Cooperator against itself: R every turn
        #expect(without.payoffMatrix[0][0] == 0)
    }

    @Test func refusesTooFewPlayers() {
        #expect(throws: RepeatedGameError.self) {
            try Tournament(players: [StrategyCatalog.classic[0]], settings: MatchSettings())
        }
    }
}
