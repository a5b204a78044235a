import ParleyCore
import ParleyGames
import ParleyReports
import Testing

/// The stage-game sentences are computed: they change with the payoffs and with the strategy
/// the case gives the counterpart.
@Suite struct StageGameTextTests {
    static func study(counterpart: String, game: StageGame = .prisonersDilemma, stage: CaseStageGame? = nil) throws -> RepeatedGameCase {
        let s = try ScriptedDefectionStudy(replies: [try StrategyCatalog.player(named: "Grudger")], counterpart: try StrategyCatalog.player(named: counterpart),
                                           defectionTurns: [2], turns: 10, game: stage?.game ?? game, noiseLevels: [0], runs: 1)
        return RepeatedGameCase(name: "t", summary: "", sources: [], unit: "quarter", start: "2001-Q4", counterpartName: "US", replierName: "Iran",
                                replyLabels: ["grim"], scriptedLabels: ["speech"], evidence: [], study: s, stageGame: stage)
    }

    static func expression(_ text: String) throws -> LinearExpression { try LinearExpression.parse(text).get() }

    /// In the Prisoner's Dilemma defecting is dominant for both (T 5 > R 3, P 1 > S 0), so a
    /// Tit For Tat counterpart is an assumption; a Defector counterpart is what the payoffs say.
    @Test func prisonersDilemmaFlagsTitForTatAsAnAssumption() throws {
        let tft = StageGameText.readings(try Self.study(counterpart: "TitForTat"))
        #expect(tft[0].hasPrefix("Iran: D is dominant"))
        #expect(tft[1].contains("is Defector; the case has it play Tit For Tat instead, which rests on an assumption"))
        let defector = StageGameText.readings(try Self.study(counterpart: "Defector"))
        #expect(defector[1].contains("is Defector, the strategy the case gives it: the payoffs support it."))
    }

    /// Iran's table [[t + c, t − r], [c, 0]] at t 1, c 4, r 2: against partner help pays 5 > 4,
    /// against turn −1 < 0, so Iran reciprocates, while 0 < t < 2 (and r > 1).
    @Test func reciprocityWithItsRange() throws {
        let parameters = [("t", 1), ("c", 4), ("r", 2)].map { CaseStageGame.Parameter(id: $0.0, value: Rational($0.1)) }
        let stage = try CaseStageGame(
            replierMoves: ["help", "hold back"], counterpartMoves: ["partner", "turn"], parameters: parameters,
            replierPayoffs: try ["t + c", "t - r", "c", "0"].map(Self.expression), counterpartPayoffs: try ["7", "3", "-1", "0"].map(Self.expression))
        let study = try Self.study(counterpart: "TitForTat", stage: stage)
        let lines = StageGameText.readings(study)
        #expect(lines[0] == "Iran: the best reply to partner is help, to turn hold back. This holds while 0 < t < 2 and r > 1, each with the other parameters at their values.")
        let table = StageGameText.table(study)
        #expect(table == ["           partner  turn", "help       5, 7     -1, 3", "hold back  4, -1    0, 0"])
    }
}
