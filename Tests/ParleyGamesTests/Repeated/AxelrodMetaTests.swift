import ParleyCore
@testable import ParleyGames
import Testing

/// axelrod 4.14.0's team-based meta strategies (fixtures `meta.json` and
/// `meta_histories.json`, written by `scripts/axelrod_meta.py`): the teams, the voting rules
/// move by move, the stochastic meta strategies and Memory Decay statistically, and the
/// refusal to build a meta strategy whose team Parley cannot field.
@Suite struct AxelrodMetaTests {
    /// The meta strategies Parley builds (their teams lack nothing) and those it refuses.
    static let buildable = 8
    static let refused = 12

    static func teams() throws -> [[String: Any]] {
        try #require(try AxelrodFixtures.json("meta.json")["teams"] as? [[String: Any]])
    }

    /// Every team is axelrod's, member for member and in axelrod's order; the meta
    /// strategies Parley builds are exactly those whose whole team it implements, and each
    /// prints axelrod's name, whose player count is the team's size.
    @Test func teamsAreAxelrodsInAxelrodsOrder() throws {
        let rows = try Self.teams()
        #expect(rows.count == Self.buildable + Self.refused)
        let records = MetaTeamData.records
        #expect(records.count == rows.count)
        let ordinary = Set(CatalogEntries.ordinary.map(\.key))
        var built = 0
        for (row, record) in zip(rows, records) {
            let key = try #require(row["key"] as? String)
            let team = try #require(row["team"] as? [String])
            let name = try #require(row["name"] as? String)
            #expect(record.key == key)
            #expect(record.members == team, "\(key)")
            // axelrod prints "Meta Winner Long Memory: 138 players".
            #expect(name.hasSuffix(": \(team.count) players"), "\(key): \(name)")
            let lacking = team.filter { !ordinary.contains($0) }
            if lacking.isEmpty {
                built += 1
                let player = try StrategyCatalog.player(named: key)
                #expect(player.name == name)
                #expect(player.isStochastic == (row["stochastic"] as? Bool), "\(key)")
            } else {
                #expect(throws: RepeatedGameError.self, "\(key) must refuse to build") {
                    _ = try StrategyCatalog.player(named: key)
                }
                let missing = StrategyCatalog.unbuildableMetaStrategies.first { $0.key == key }?.missing
                #expect(missing == lacking, "\(key)")
            }
        }
        #expect(built == Self.buildable)
        let fixtureBuildable = try #require(try AxelrodFixtures.json("meta.json")["buildable"] as? [String])
        #expect(fixtureBuildable == CatalogEntries.metaTeams.entries.map(\.key))
    }

    @Test func refusalNamesTheMissingMember() {
        let error = #expect(throws: RepeatedGameError.self) { _ = try StrategyCatalog.player(named: "Meta Majority") }
        #expect(error?.code == .unknownStrategy)
        #expect(error?.message.contains("EvolvedAttention") == true)
        #expect(error?.message.contains("220 members") == true)
    }

    /// The ensemble's leaders are the first entries of axelrod's ranking, a reverse sort of
    /// (score, index) pairs, here computed by a full sort, on scores with many ties.
    @Test(arguments: [1, 2, 5, 11, 40])
    func ensembleLeadersAreTheTopOfAxelrodsRanking(_ count: Int) {
        var random = RandomStream(seed: 16, purpose: "leaders")
        for _ in 0..<50 {
            let scores = (0..<40).map { _ in Double(random.nextInt(below: 6)) }
            let sorted = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 > $1 }
            #expect(MetaTeam.leaders(scores, count: count) == Array(sorted.prefix(count)))
        }
    }

    static func vote(_ rule: String) -> (MetaVote, Bool)? {
        switch rule {
        case "majority": (.majority, false)
        case "minority": (.minority, false)
        case "winner": (.winner, false)
        case "nice-winner": (.winner, true)
        default: nil
        }
    }

    /// Majority, minority, winner and nice winner over a team of 16 deterministic strategies,
    /// against every deterministic strategy: Parley's moves must be axelrod's, both sides.
    @Test func votingRulesMatchAxelrodMoveByMove() throws {
        let fixture = try AxelrodFixtures.json("meta_histories.json")
        let teamKeys = try #require(fixture["team"] as? [String])
        let rows = try #require(fixture["rows"] as? [[String: Any]])
        let team = try teamKeys.map { try StrategyCatalog.player(named: $0) }
        let settings = try MatchSettings(length: .turns(200))
        #expect(rows.count == 4 * AxelrodCatalogueTests.deterministicCount)
        var mismatches: [String] = []
        for row in rows {
            let rule = try #require(row["rule"] as? String)
            let opponent = try StrategyCatalog.player(named: try #require(row["opponent"] as? String))
            let moves = try #require(row["moves"] as? [String]).map(AxelrodFixtures.expand)
            let (vote, nice) = try #require(Self.vote(rule))
            let meta = RepeatedPlayer(name: "Meta \(rule)", isStochastic: false, source: "test") { context in
                MetaTeam(team: team.map { $0.makeStrategy(context) }, stochastic: team.map(\.isStochastic), vote: vote, nice: nice,
                         singular: false, context: context)
            }
            let record = RepeatedMatch.play(meta, opponent, settings: settings)
            if Choice.text(record.first) != moves[0] || Choice.text(record.second) != moves[1] {
                mismatches.append("\(rule) vs \(opponent.name)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ: \(mismatches.prefix(20))")
    }

    static let rows = AxelrodStochasticTests.rows(in: "meta.json")

    @Test func statisticsFixtureLoaded() {
        #expect(Self.rows.count == (Self.buildable + 1) * 4)
    }

    /// Memory Decay (100 axelrod matches per row) and the stochastic meta strategies (20
    /// axelrod matches per row: each takes seconds in axelrod) against Cooperator, Defector,
    /// Tit For Tat and Alternator; the same 5-standard-error rule as `AxelrodStochasticTests`,
    /// Parley playing 4 matches per axelrod match (Memory Decay) or 3 (meta strategies, whose
    /// debug-build matches take up to 30 ms).
    @Test(arguments: rows)
    func agreesWithAxelrodStatistically(_ row: AxelrodStochasticTests.Row) throws {
        try AxelrodStochasticTests.check(row, parleyMatches: row.player == "MemoryDecay" ? 4 * row.matches : 3 * row.matches)
    }
}
