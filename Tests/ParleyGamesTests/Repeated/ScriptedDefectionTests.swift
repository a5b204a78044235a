import ParleyCore
import ParleyGames
import Testing

/// The axis-of-evil analysis on its own terms: a US playing Tit For Tat defects once, in
/// turn 2 of 41 (2002-Q1), and Iran's reply decides the decade. Expected histories are
/// worked out by hand from the strategies' rules.
@Suite struct ScriptedDefectionTests {
    static func study(_ replies: [String], noise: [Double] = [0]) throws -> ScriptedDefectionStudy {
        try ScriptedDefectionStudy(
            replies: replies.map { try StrategyCatalog.player(named: $0) }, counterpart: StrategyCatalog.player(named: "TitForTat"),
            defectionTurns: [2], turns: 41, noiseLevels: noise, runs: 300, seed: 2002)
    }

    /// Grim trigger: Iran C, C, then D forever; the US (TFT) copies Iran's C of turn 2 in
    /// turn 3, then D forever. No CC after turn 1: collapse in turn 2; no gesture helps.
    @Test func grimTriggerNeverForgives() throws {
        let row = try #require(try Self.study(["Grudger"]).analyse().first)
        #expect(row.first == "CC" + String(repeating: "D", count: 39))
        #expect(row.second == "CDC" + String(repeating: "D", count: 38))
        #expect(row.collapseTurn == 2)
        #expect(row.mutualCooperation == 0)
        #expect(row.restoringGesture == nil)
        // Iran: R in turn 1, then S, T, and P for 38 turns: (3 + 0 + 5 + 38) / 41.
        #expect(abs(row.replyScorePerTurn - 46.0 / 41.0) < 1e-12)
    }

    /// Tit for tat against tit for tat echoes the defection forever (CD, DC, CD, ...); two
    /// US cooperations in a row end the echo, one does not.
    @Test func titForTatEchoesAndTwoGesturesRestore() throws {
        let row = try #require(try Self.study(["TitForTat"]).analyse().first)
        #expect(row.first == "CC" + String(repeating: "DC", count: 19) + "D")
        #expect(row.second == "CD" + String(repeating: "CD", count: 19) + "C")
        #expect(row.collapseTurn == 2)
        #expect(row.restoringGesture == 2)
    }

    /// With noise every reply is a Monte Carlo estimate; grim trigger collapses in almost
    /// every run (a misread C can make turn 1 the only CC, or start the grudge earlier).
    @Test func noisyRowsAreEstimates() throws {
        let rows = try Self.study(["Grudger", "GTFT"], noise: [0.05]).analyse()
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.runs == 300 && $0.first == nil })
        #expect(rows[0].collapsedShare > 0.9)
        #expect(rows[1].collapsedShare < rows[0].collapsedShare)
        #expect(rows[1].mutualCooperation > rows[0].mutualCooperation)
    }

    @Test func refusesADefectionOutsideTheHorizon() {
        #expect(throws: RepeatedGameError.self) {
            try ScriptedDefectionStudy(replies: [StrategyCatalog.player(named: "TitForTat")], counterpart: StrategyCatalog.player(named: "TitForTat"),
                                       defectionTurns: [50], turns: 41)
        }
    }
}
