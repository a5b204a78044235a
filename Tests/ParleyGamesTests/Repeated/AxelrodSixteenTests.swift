import ParleyCore
import ParleyGames
import Testing

/// Issue 16's "done when": a tournament of 16 of axelrod's deterministic strategies, most of
/// them added for that issue (finite-state machines, lookup tables, a neural network,
/// hunters, a sequence, a mathematical constant, second-tournament entries), ranks and
/// scores exactly as axelrod 4.14.0 does (fixture `sixteen.json`, 200 turns, 10 repetitions).
@Suite struct AxelrodSixteenTests {
    @Test func rankingAndScoresMatchAxelrodExactly() throws {
        let fixture = try AxelrodFixtures.json("sixteen.json")
        let expected = try #require(fixture["sixteen"] as? [String: Any])
        let keys = try #require(expected["players"] as? [String])
        #expect(keys.count == 16)
        let players = try keys.map { try StrategyCatalog.player(named: $0) }
        #expect(players.allSatisfy { !$0.isStochastic })
        #expect(players.map(\.name) == (expected["names"] as? [String]))
        let tournament = try Tournament(players: players, settings: MatchSettings(length: .turns(200)), repetitions: 10, seed: 1)
        let result = tournament.play(jobs: 2, blockSize: 7)
        #expect(result.rankedNames == (expected["ranked_names"] as? [String]))
        #expect(result.ranking == (expected["ranking"] as? [Int]))
        let normalised = try #require(expected["normalised_scores"] as? [[Double]])
        let scores = try #require(expected["scores"] as? [[Any]]).map { $0.compactMap(number) }
        let wins = try #require(expected["wins"] as? [[Int]])
        let matrix = try #require(expected["payoff_matrix"] as? [[Double]])
        for i in 0..<16 {
            for r in 0..<10 {
                #expect(abs(result.normalisedScores[i][r] - normalised[i][r]) < 1e-12, "\(keys[i])")
                #expect(result.scores[i][r] == scores[i][r], "\(keys[i])")
                #expect(result.wins[i][r] == wins[i][r], "\(keys[i])")
            }
            for j in 0..<16 {
                #expect(abs(result.payoffMatrix[i][j] - matrix[i][j]) < 1e-12, "\(keys[i]) vs \(keys[j])")
            }
        }
    }

    /// Streaming in blocks folds matches in play order, so any block size and job count
    /// give the same bytes.
    @Test func blockSizeAndJobsDoNotChangeTheResult() throws {
        let players = try ["Fortress3", "EvolvedANN", "MEM2", "Random", "SecondByChampion", "PSOGambler2_2_2"].map {
            try StrategyCatalog.player(named: $0)
        }
        let tournament = try Tournament(players: players, settings: MatchSettings(length: .turns(60), noise: 0.05), repetitions: 3, seed: 5)
        let whole = tournament.play(jobs: 1, blockSize: 1000)
        let blocks = tournament.play(jobs: 2, blockSize: 4)
        #expect(whole.normalisedScores == blocks.normalisedScores)
        #expect(whole.payoffMatrix == blocks.payoffMatrix)
        #expect(whole.ranking == blocks.ranking)
    }
}
