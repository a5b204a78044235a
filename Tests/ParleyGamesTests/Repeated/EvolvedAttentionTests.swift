import Foundation
import ParleyCore
@testable import ParleyGames
import Testing

/// axelrod 4.14.0's EvolvedAttention and the 12 meta strategies whose team contains it
/// (fixture `attention.json`, written by `scripts/axelrod_attention.py` with torch). The
/// weights are axelrod's `model_attention.pth`, found through $PARLEY_AXELROD_DATA (a folder
/// or the file); without it these tests are skipped and say why. The loader's refusals of
/// corrupt input need no weights.
@Suite struct EvolvedAttentionTests {
    static let skipReason: Comment =
        "needs axelrod's model_attention.pth: set PARLEY_AXELROD_DATA to its folder (docs/repeated-games.md)"

    /// The weights file named by the environment, if it exists.
    static let file: String? = {
        guard let path = ProcessInfo.processInfo.environment[AxelrodData.environmentVariable], !path.isEmpty else { return nil }
        var folder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &folder) else { return nil }
        return folder.boolValue ? (path as NSString).appendingPathComponent(AxelrodData.fileName) : path
    }()
    static let hasWeights = file.map { FileManager.default.fileExists(atPath: $0) } ?? false
    static let slow = ProcessInfo.processInfo.environment["PARLEY_SLOW_TESTS"] == "1"

    /// Loaded once per test process (not installed: the catalogue other suites see is unchanged).
    static let model: AttentionModel? = file.flatMap { try? AxelrodData.loadModel(file: $0) }
    /// The 244-entry catalogue with this model.
    static let entries: [StrategyCatalog.Entry] = model.map { AxelrodData.catalogue(with: $0).entries } ?? []

    static func player(_ key: String) throws -> RepeatedPlayer {
        if let entry = entries.first(where: { $0.key == key }) { return entry.player }
        return try StrategyCatalog.player(named: key)
    }

    struct Match: Sendable, CustomTestStringConvertible {
        let opponent: String
        let moves: [String]
        let logits: [Double]
        var testDescription: String { "EvolvedAttention vs \(opponent), \(moves[0].count) turns" }
    }

    static func matches(_ key: String) -> [Match] {
        guard let fixture = try? AxelrodFixtures.json("attention.json"), let rows = fixture[key] as? [[String: Any]] else { return [] }
        return rows.compactMap { row in
            guard let opponent = row["opponent"] as? String, let moves = row["moves"] as? [String],
                  let logits = row["logits"] as? [Any], moves.count == 2 else { return nil }
            return Match(opponent: opponent, moves: moves.map(AxelrodFixtures.expand), logits: logits.compactMap(number))
        }
    }

    static let short = matches("short")
    static let long = matches("long")

    /// The fixture covers every deterministic strategy Parley has (154), 12 turns each.
    @Test func fixtureCoversEveryDeterministicStrategy() {
        #expect(Self.short.count == AxelrodCatalogueTests.deterministicCount)
        #expect(Self.short.allSatisfy { $0.moves[0].count == 12 && $0.logits.count == 12 })
        #expect(Self.long.count == 5)
    }

    /// The catalogue with the weights: every one of axelrod's 244 strategies under axelrod's
    /// printed name, no meta strategy refused; 245 entries with Parley's generic Memory One
    /// player (`MemoryOnePlayer`, which `axelrod.all_strategies` does not list).
    @Test(.enabled(if: hasWeights, skipReason)) func catalogueHasAll244() throws {
        let model = try #require(Self.model)
        let (entries, refused) = AxelrodData.catalogue(with: model)
        #expect(refused.isEmpty)
        #expect(entries.count == 245)
        #expect(Set(entries.map(\.key)).count == entries.count)
        let catalogue = try AxelrodFixtures.json("catalogue.json")
        let names = try #require(catalogue["strategies"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(names.count == 244)
        let printed = Set(entries.map(\.player.name))
        #expect(names.filter { !printed.contains($0) } == [])
        // Two of the 13 are deterministic: EvolvedAttention and Meta Winner Deterministic.
        #expect(entries.filter { !$0.player.isStochastic }.count == CatalogEntries.all.filter { !$0.player.isStochastic }.count + 2)
    }

    /// Turns of each 12-turn fixture match checked: 8 in a debug build (the 154 matches then
    /// meet 123 distinct histories, 782 tokens, about 20 GFLOP: half a minute at the debug
    /// build's 1 GFLOP/s; all 12 would take 2 460 tokens), all 12 with PARLEY_SLOW_TESTS=1.
    static let shortTurns = slow ? 12 : 8

    /// The first `turns` moves of a match of `length` turns (the players are told the length,
    /// as in the fixture's matches, so strategies that change their last moves behave as there).
    static func playPrefix(_ a: RepeatedPlayer, _ b: RepeatedPlayer, turns: Int, length: Int) -> (String, String) {
        let context = MatchContext(knownLength: length)
        var first = a.makeStrategy(context), second = b.makeStrategy(context)
        var ha = PlayHistory(), hb = PlayHistory()
        var ra = RandomStream(seed: 1, purpose: "a"), rb = RandomStream(seed: 1, purpose: "b")
        for _ in 0..<turns {
            let x = first.choose(ha, random: &ra)
            let y = second.choose(hb, random: &rb)
            ha.record(mine: x, theirs: y)
            hb.record(mine: y, theirs: x)
        }
        return (Choice.text(ha.mine), Choice.text(hb.mine))
    }

    /// Against every deterministic strategy: the same moves as axelrod on both sides over
    /// ``shortTurns`` turns, and the network's output within 2e-3 of torch's (float32 in
    /// both; the smallest |output| in the fixture is 0.38, so the sign has a wide margin).
    /// All 154 matches share one decision cache, so a history met twice costs one forward pass.
    @Test(.enabled(if: hasWeights, skipReason)) func movesMatchAxelrodAgainstEveryDeterministicStrategy() throws {
        let model = try #require(Self.model)
        let attention = try Self.player("EvolvedAttention")
        let turns = Self.shortTurns
        var mismatches: [String] = []
        for match in Self.short {
            let (a, b) = Self.playPrefix(attention, try Self.player(match.opponent), turns: turns, length: match.moves[0].count)
            if a != String(match.moves[0].prefix(turns)) || b != String(match.moves[1].prefix(turns)) {
                mismatches.append(match.opponent)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ: \(mismatches.prefix(20))")
        // The outputs themselves, on a match with both kinds of move: torch's float32 logits.
        let mixed = try #require(Self.short.first { $0.opponent == "Alternator" })
        for (turn, expected) in mixed.logits.prefix(turns).enumerated() {
            let logit = Double(model.logit(Self.tokens(mixed.moves, turns: turn)))
            #expect(abs(logit - expected) <= 2e-3, "turn \(turn + 1): Parley \(logit), torch \(expected)")
        }
    }

    /// CLS then the game states of the first `turns` turns, most recent first.
    static func tokens(_ moves: [String], turns: Int) -> [UInt8] {
        let mine = Array(moves[0]), theirs = Array(moves[1])
        var out: [UInt8] = [0]
        for k in stride(from: turns - 1, through: Swift.max(0, turns - 200), by: -1) {
            out.append(EvolvedAttention.token(mine[k] == "C" ? .cooperate : .defect, theirs[k] == "C" ? .cooperate : .defect))
        }
        return out
    }

    /// Full 200-turn matches (minutes in a debug build): run with PARLEY_SLOW_TESTS=1.
    @Test(.enabled(if: hasWeights && slow, "needs PARLEY_SLOW_TESTS=1 and PARLEY_AXELROD_DATA"), arguments: long)
    func fullMatchesMatchAxelrod(_ match: Match) throws {
        let record = RepeatedMatch.play(try Self.player("EvolvedAttention"), try Self.player(match.opponent),
                                        settings: try MatchSettings(length: .turns(200)))
        #expect(Choice.text(record.first) == match.moves[0])
        #expect(Choice.text(record.second) == match.moves[1])
        if let model = Self.model, let last = match.logits.last {
            let logit = Double(model.logit(Self.tokens(match.moves, turns: 199)))
            #expect(abs(logit - last) <= 2e-3, "turn 200: Parley \(logit), torch \(last)")
        }
    }

    struct MetaRow: Sendable, CustomTestStringConvertible {
        let player: String
        let opponent: String
        /// Both sides' moves (Meta Winner Deterministic), else statistics over `matches`.
        let moves: [String]?
        let matches: Int
        let cooperation: (Double, Double)
        let score: (Double, Double)
        var testDescription: String { "\(player) vs \(opponent)" }
    }

    static let metaTurns = (try? AxelrodFixtures.json("attention.json")).flatMap { number($0["meta_turns"]) }.map(Int.init) ?? 12
    static let metaRows: [MetaRow] = {
        guard let fixture = try? AxelrodFixtures.json("attention.json"), let rows = fixture["meta_rows"] as? [[String: Any]] else { return [] }
        return rows.compactMap { row in
            guard let player = row["player"] as? String, let opponent = row["opponent"] as? String else { return nil }
            if let moves = row["moves"] as? [String] {
                return MetaRow(player: player, opponent: opponent, moves: moves.map(AxelrodFixtures.expand), matches: 1,
                               cooperation: (0, 0), score: (0, 0))
            }
            guard let matches = number(row["matches"]), let cm = number(row["cooperation_mean"]), let cs = number(row["cooperation_sd"]),
                  let sm = number(row["score_mean"]), let ss = number(row["score_sd"]) else { return nil }
            return MetaRow(player: player, opponent: opponent, moves: nil, matches: Int(matches), cooperation: (cm, cs), score: (sm, ss))
        }
    }()

    /// Tit For Tat answers the meta strategy's random moves, so EvolvedAttention (a member of
    /// every team) meets a new history in most matches: those rows run with PARLEY_SLOW_TESTS=1.
    /// Against Cooperator, Defector and Alternator its history is the same in every match
    /// and every team, so one cache serves them all.
    static let quickMetaRows = metaRows.filter { $0.moves != nil || $0.opponent != "TitForTat" || slow }

    @Test func metaFixtureCoversTheTwelve() {
        #expect(Set(Self.metaRows.map(\.player)).count == 12)
        #expect(Self.metaRows.count == 48)
    }

    /// The 12 meta strategies whose team contains EvolvedAttention: Meta Winner Deterministic
    /// move for move, the others within 5 standard errors of axelrod's mean cooperation and
    /// score per turn (Parley playing 3 matches per axelrod match), as `AxelrodMetaTests` does.
    @Test(.enabled(if: hasWeights, skipReason), arguments: quickMetaRows)
    func metaStrategiesAgreeWithAxelrod(_ row: MetaRow) throws {
        let a = try Self.player(row.player)
        let b = try Self.player(row.opponent)
        let settings = try MatchSettings(length: .turns(Self.metaTurns))
        if let moves = row.moves {
            #expect(!a.isStochastic)
            let record = RepeatedMatch.play(a, b, settings: settings)
            #expect(Choice.text(record.first) == moves[0])
            #expect(Choice.text(record.second) == moves[1])
            return
        }
        AxelrodStochasticTests.check(a, b, settings: settings, parleyMatches: 3 * row.matches, axelrodMatches: row.matches,
                                     cooperation: row.cooperation, score: row.score)
    }
}
