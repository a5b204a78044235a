import Foundation
import ParleyCore
import ParleyGames
@testable import ParleyIO
import ParleySimulation
import Testing

/// The errors `body` throws (empty when it returns).
private func errors(_ body: () throws(ScenarioErrors) -> Void) -> [ScenarioError] {
    do {
        try body()
        return []
    } catch {
        return error.errors
    }
}

/// Inputs that used to trap or run away (issue 12), each now a located error naming the limit.
@Suite struct HostileGambitInputTests {
    @Test func exponentOfIntMinIsAnErrorNotATrap() {
        // `abs(Int.min)` trapped in Rational's exponent check.
        let found = errors { () throws(ScenarioErrors) in
            _ = try GambitNFGCodec.decode("NFG 1 R \"x\" { \"A\" \"B\" } { 2 2 }\n1e-9223372036854775808 0 0 0 0 0 0 0\n", file: "x.nfg")
        }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("exponent") == true)
        #expect(found.first?.message.contains("4000") == true)
        #expect(found.first?.location?.line == 2)
        #expect(found.first?.location?.column == 1)
        #expect(Rational("1e-9223372036854775808") == nil)
        #expect(Rational("1e9223372036854775807") == nil)
    }

    @Test func numbersLongerThanTheDigitLimitAreRefused() {
        let long = String(repeating: "7", count: ReaderLimits.digits + 1)
        let found = errors { () throws(ScenarioErrors) in
            _ = try GambitNFGCodec.decode("NFG 1 R \"x\" { \"A\" } { 1 }\n\(long)\n", file: "x.nfg")
        }
        #expect(found.first?.message.contains("\(ReaderLimits.digits + 1) digits") == true)
        #expect(found.first?.message.contains("limit: digits per number") == true)
        // Exactly at the limit it still reads, exactly.
        let atLimit = String(repeating: "7", count: ReaderLimits.digits)
        #expect(Rational(atLimit)?.description == atLimit)
        #expect(Rational("1/" + atLimit) != nil)
        #expect(Rational("1/" + long) == nil)
    }

    @Test func sixtyFourTwoStrategyPlayersHitTheProfileLimitBeforeOverflowing() {
        // 2^64 profiles overflowed `reduce(1, *)` before the old size guard.
        let players = (1...64).map { "\"p\($0)\"" }.joined(separator: " ")
        let counts = Array(repeating: "2", count: 64).joined(separator: " ")
        let found = errors { () throws(ScenarioErrors) in
            _ = try GambitNFGCodec.decode("NFG 1 R \"x\" { \(players) } { \(counts) }\n0\n", file: "x.nfg")
        }
        #expect(found.first?.code == .tooLarge)
        #expect(found.first?.message.contains("limit: profiles") == true)
        // 2^23 < 10^7 < 2^24: player 24 is the first to break the limit.
        #expect(found.first?.message.contains("player 24") == true)
    }

    @Test(arguments: ["9223372036854775807", "9223372036854775000", "10000001"])
    func strategyCountsNearIntMaxAreRefusedBeforeAllocating(count: String) {
        let found = errors { () throws(ScenarioErrors) in
            _ = try GambitNFGCodec.decode("NFG 1 R \"x\" { \"a\" \"b\" } { \(count) 1 }\n0\n", file: "x.nfg")
        }
        #expect(found.first?.code == .tooLarge)
        #expect(found.first?.location?.column == 27)  // the count itself
    }

    @Test func tooManyPlayersAreNamed() {
        let players = (1...65).map { "\"p\($0)\"" }.joined(separator: " ")
        let found = errors { () throws(ScenarioErrors) in
            _ = try GambitEFGCodec.decode("EFG 2 R \"x\" { \(players) }\nt \"\" 0\n", file: "x.efg")
        }
        #expect(found.first?.message.contains("65 players") == true)
        #expect(found.first?.message.contains("limit: players") == true)
    }
}

@Suite struct HostileGameFileTests {
    @Test func fortyPlayersOfTwoActionsAreRefusedBeforeTheTableIsBuilt() {
        // 2^40 combinations: the payoff table once asked for 8 TB.
        let players = (0..<40).map { "  - {id: p\($0), actions: [a, b]}" }.joined(separator: "\n")
        let actions = (0..<40).map { "p\($0): a" }.joined(separator: ", ")
        let payoffs = (0..<40).map { "p\($0): 0" }.joined(separator: ", ")
        let text = "format: parley-game/1\nname: big\nplayers:\n\(players)\npayoffs:\n  - {actions: {\(actions)}, payoffs: {\(payoffs)}}\n"
        let found = errors { () throws(ScenarioErrors) in _ = try GameFile.decode(text, format: .yaml, file: "g.yaml") }
        #expect(found.count == 1)
        #expect(found.first?.code == .tooLarge)
        #expect(found.first?.path == ["players"])
        #expect(found.first?.message.contains("limit: profiles") == true)
        #expect(found.first?.location?.line == 4)
    }

    @Test func fewerPayoffEntriesThanCombinationsIsFoundWithoutTheTable() {
        // 3 players × 2 actions = 8 combinations, 1 entry.
        let text = """
            format: parley-game/1
            name: small
            players:
              - {id: a, actions: [x, y]}
              - {id: b, actions: [x, y]}
              - {id: c, actions: [x, y]}
            payoffs:
              - {actions: {a: x, b: x, c: x}, payoffs: {a: 1, b: 1, c: 1}}
            """
        let found = errors { () throws(ScenarioErrors) in _ = try GameFile.decode(text, format: .yaml, file: "g.yaml") }
        #expect(found.first?.message.contains("8 combinations but 'payoffs' has 1 entries") == true)
    }
}

@Suite struct HostileShardFileTests {
    /// A valid one-shard file of a 2-run sweep, with `manifest` fields replaced.
    func shard(runs: String = "2", index: String = "0", count: String = "1") -> String {
        """
        {"format": "parley-shard/1",
         "manifest": {"parley_version": "0", "scenario_sha256": "x", "seed": "1", "runs": \(runs), "shard_index": \(index),
                      "shard_count": \(count), "models": ["weighted-mean"], "issues": ["i"]},
         "scenario": {"format": "parley/1", "name": "S",
                      "issues": [{"id": "i", "name": "I", "scale": {"min": 0, "max": 100}}],
                      "stakeholders": [{"id": "a", "name": "A", "capability": 1, "stances": {"i": {"position": 10, "salience": 50}}}]},
         "results": [{"i": 0, "v": [[10]], "c": [true]}, {"i": 1, "v": [[10]], "c": [true]}]}
        """
    }

    @Test func theValidShardReadsAndMerges() throws {
        let file = try ShardFile.decode(shard(), file: "s.json")
        let merged = try ShardFile.merge([(path: "s.json", shard: file)])
        #expect(merged.2.map(\.index) == [0, 1])
    }

    @Test(arguments: [
        ("-3", "manifest.shard_count is -3"), ("0", "manifest.shard_count is 0"),
        ("100001", "limit: shards"), ("9223372036854775807", "limit: shards"),
    ])
    func badShardCountsAreErrors(count: String, expected: String) {
        // A negative count made `0..<count` trap in merge.
        let found = errors { () throws(ScenarioErrors) in _ = try ShardFile.decode(shard(count: count), file: "s.json") }
        #expect(found.first?.message.contains(expected) == true, "\(found)")
    }

    @Test(arguments: [("9223372036854775807", "limit: runs"), ("0", "manifest.runs is 0"), ("-5", "manifest.runs is -5"), ("1", "holds 2 results")])
    func absurdRunsAreErrors(runs: String, expected: String) {
        // runs × index overflowed in MonteCarloPlan.replicates.
        let found = errors { () throws(ScenarioErrors) in _ = try ShardFile.decode(shard(runs: runs), file: "s.json") }
        #expect(found.first?.message.contains(expected) == true, "\(found)")
    }

    @Test func shardIndexOutsideTheCountIsAnError() {
        let found = errors { () throws(ScenarioErrors) in _ = try ShardFile.decode(shard(index: "4", count: "2"), file: "s.json") }
        #expect(found.first?.message.contains("shard_index is 4") == true)
    }
}

@Suite struct HostileRepeatedCaseTests {
    func axis(_ old: String, _ new: String) throws -> String {
        let text = try String(contentsOfFile: examplePath("axis-of-evil.yaml"), encoding: .utf8)
        #expect(text.contains(old))
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test(arguments: [
        "horizon: {turns: 41, unit: quarter, start: 9223372036854775807-Q4}",
        "horizon: {turns: 41, unit: year, start: \"9223372036854775807\"}",
        "horizon: {turns: 41, unit: year, start: \"-9223372036854775808\"}",
    ])
    func startYearsThatOverflowAreErrors(horizon: String) throws {
        let text = try axis("horizon: {turns: 41, unit: quarter, start: 2001-Q4}", horizon)
        let found = errors { () throws(ScenarioErrors) in _ = try RepeatedGameFile.decode(text, file: "a.yaml") }
        #expect(found.count == 1)
        #expect(found.first?.path == ["horizon", "start"])
        #expect(found.first?.message.contains("limit: start year") == true)
    }

    @Test func aSeedOfTwoToThe63IsAnErrorNotATrap() throws {
        // Double(Int.max) is 2^63, which passed the range check and trapped in Int(_:).
        let text = try axis("seed: 2002", "seed: 9223372036854775808")
        let found = errors { () throws(ScenarioErrors) in _ = try RepeatedGameFile.decode(text, file: "a.yaml") }
        #expect(found.first?.path == ["seed"])
        #expect(found.first?.code == .outOfRange)
    }

    @Test func labelsNeverOverflow() throws {
        let axis = try RepeatedGameFile.read(examplePath("axis-of-evil.yaml"))
        #expect(axis.label(turn: 41) == "2011-Q4")  // 2001-Q4 + 40 quarters
        #expect(axis.label(turn: Int.max) == "quarter \(Int.max)")
        #expect(axis.label(turn: Int.min) == "quarter \(Int.min)")
    }
}

@Suite struct ReaderLimitTests {
    @Test func productStopsAtTheLimitAndAtOverflow() {
        #expect(ReaderLimits.product([2, 3, 4], limit: 24) == 24)
        #expect(ReaderLimits.product([2, 3, 4], limit: 23) == nil)
        #expect(ReaderLimits.product(Array(repeating: 2, count: 64), limit: .max) == nil)  // 2^64 overflows
        #expect(ReaderLimits.product([Int.max, 2], limit: .max) == nil)
        #expect(ReaderLimits.product([], limit: 1) == 1)
        #expect(ReaderLimits.product([-1], limit: 10) == nil)
    }

    @Test func scenarioListsAboveTheLimitAreNamed() {
        let issues = (0...ReaderLimits.issues).map { "  - {id: i\($0), name: I, scale: {min: 0, max: 1}}" }.joined(separator: "\n")
        let text = "format: parley/1\nname: x\nissues:\n\(issues)\nstakeholders: []\n"
        let found = yamlErrors(text)
        #expect(found.first?.code == .tooLarge)
        #expect(found.first?.path == ["issues"])
        #expect(found.first?.message.contains("limit: issues") == true)
    }

    @Test func decideRowsAboveTheLimitAreNamed() {
        let rows = (0...ReaderLimits.issues).map { "'#P'\t'p\($0)'\t'P'" }.joined(separator: "\n")
        let found = errors { () throws(ScenarioErrors) in _ = try ScenarioCodec.decode(rows, format: .decideTSV, file: "d.csv") }
        #expect(found.first?.code == .tooLarge)
        #expect(found.first?.location?.line == ReaderLimits.issues + 1)
    }

    @Test func ktabCountsAboveTheLimitAreNamed() {
        let found = errors { () throws(ScenarioErrors) in
            _ = try ScenarioCodec.decode("x,y,3,9223372036854775807\nActor,Description,Power\n", format: .ktabCSV, file: "k.csv")
        }
        #expect(found.contains { $0.code == .tooLarge && $0.message.contains("limit: issues") })
    }

    @Test func deeplyNestedXMLIsRefused() {
        let text = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        let found = errors { () throws(ScenarioErrors) in _ = try ScenarioCodec.decode(text, format: .ktabXML, file: "k.xml") }
        #expect(found.first?.message.contains("limit: nesting depth") == true)
    }

    @Test func longWordsGetNoSuggestionAndCostNothing() {
        let long = String(repeating: "a", count: 1_000_000)
        #expect(Suggestion.closest(to: long, in: [long]) == nil)
        #expect(Suggestion.closest(to: "stakeholdrs", in: ["stakeholders", String(repeating: "b", count: 500)]) == "stakeholders")
    }
}

@Suite struct NumberTextSafetyTests {
    @Test(arguments: [1e19, -1e19, 9.3e18, 1e200, -1e200, .greatestFiniteMagnitude, 1e15, 123_456.75])
    func everyFiniteNumberFormats(value: Double) {
        // Int64(1e19) trapped in `fixed`.
        let text = NumberText.fixed(value, digits: 1)
        #expect(!text.isEmpty)
        if abs(value) >= 1e15 { #expect(text == NumberText.plain(value)) }
        #expect(NumberText.fixed(value, digits: 400).isEmpty == false)
    }

    @Test func smallNumbersKeepTheirFormat() {
        #expect(NumberText.fixed(123_456.75, digits: 1) == "123456.8")  // hand: .75 rounds up at one decimal
        #expect(NumberText.fixed(-0.04, digits: 1) == "0.0")
        #expect(NumberText.fixed(2.5, digits: 0) == "3")
        #expect(NumberText.plain(1e19) == "1e+19")
    }
}
