import ParleyCore
import ParleyGames
import Testing

/// Every deterministic strategy against every other (and itself) for 200 turns, compared
/// move by move with axelrod 4.14.0's own matches (fixture `histories.json`).
@Suite struct AxelrodHistoryTests {
    @Test func namesMatchAxelrod() throws {
        let fixture = try AxelrodFixtures.json("histories.json")
        let keys = try #require(fixture["players"] as? [String])
        let names = try #require(fixture["names"] as? [String])
        #expect(keys.count == AxelrodCatalogueTests.deterministicCount)
        for (key, name) in zip(keys, names) {
            let player = try StrategyCatalog.player(named: key)
            #expect(player.name == name, "\(key)")
            #expect(!player.isStochastic, "\(key)")
        }
    }

    @Test func everyDeterministicPairMatchesAxelrodMoveByMove() throws {
        let fixture = try AxelrodFixtures.json("histories.json")
        let keys = try #require(fixture["players"] as? [String])
        let strings = try #require(fixture["histories"] as? [String]).map(AxelrodFixtures.expand)
        let pairs = try #require(fixture["pairs"] as? [[Int]])
        let players = try keys.map { try StrategyCatalog.player(named: $0) }
        let settings = try MatchSettings(length: .turns(200))
        var mismatches: [String] = []
        for pair in pairs {
            let record = RepeatedMatch.play(players[pair[0]], players[pair[1]], settings: settings)
            let first = Choice.text(record.first)
            let second = Choice.text(record.second)
            if first != strings[pair[2]] || second != strings[pair[3]] {
                mismatches.append("\(keys[pair[0]]) vs \(keys[pair[1]])")
            }
        }
        #expect(pairs.count == keys.count * (keys.count + 1) / 2)
        #expect(mismatches.isEmpty, "\(mismatches.count) pairs differ: \(mismatches.prefix(20))")
    }
}
