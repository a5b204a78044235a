import Foundation
import ParleyCore
import ParleyGames
import ParleyIO
import Testing

/// The repeated case's two-sided stage game: tables from named parameters, each side's
/// one-round best replies with exact parameter ranges, quotes checked against the source text.
@Suite struct CaseStageGameTests {
    /// The founding case's sincere-US game, with the parameters of iran-2001-cooperation.yaml
    /// (taliban 4, cooperation 4, risk 2, us-help 3, us-partnership 4, us-cost 1). By hand:
    /// Iran  help/partner 4 + 4 = 8, help/turn 4 − 2 = 2, hold back/partner 4, hold back/turn 0;
    /// US    help/partner 3 + 4 = 7, help/turn 3, hold back/partner 0 − 1 = −1, hold back/turn 0.
    @Test func axisOfEvilPlaysTheFoundingCaseStageGame() throws {
        let axis = try RepeatedGameFile.read(examplePath("axis-of-evil.yaml"))
        let stage = try #require(axis.stageGame)
        #expect(stage.replierMoves == ["help", "hold back"])
        #expect(stage.counterpartMoves == ["partner", "turn"])
        #expect(axis.study.game.firstPayoffs == [8, 2, 4, 0])
        #expect(axis.study.game.secondPayoffs == [7, 3, -1, 0])
        #expect(stage.parameters.map(\.id) == ["taliban", "cooperation", "risk", "us-help", "us-partnership", "us-cost"])
        #expect(stage.parameters.allSatisfy { !$0.evidence.isEmpty }, "every judgement cites evidence")
    }

    /// Iran: help beats hold back against partner by taliban (4) and against turn by
    /// taliban − risk (2), so help is dominant while taliban > max(0, risk) = 2 and risk < taliban = 4;
    /// `cooperation` cancels out. US: partner beats turn against help by us-partnership (4), and
    /// loses against hold back by us-cost (1): reciprocity while both are positive; us-help cancels.
    @Test func readingGivesBestRepliesAndExactRanges() throws {
        let axis = try RepeatedGameFile.read(examplePath("axis-of-evil.yaml"))
        let reading = axis.reading
        #expect(reading.replier.rule == .cooperationDominant)
        #expect(reading.counterpart.rule == .reciprocity)
        #expect(reading.counterpart.rule.strategyKey == "TitForTat")
        let iran = Dictionary(uniqueKeysWithValues: reading.replier.bounds.map { ($0.parameter, $0) })
        #expect(Set(iran.keys) == ["taliban", "risk"])
        #expect(iran["taliban"]?.lower == Rational(2) && iran["taliban"]?.upper == nil)
        #expect(iran["risk"]?.upper == Rational(4) && iran["risk"]?.lower == nil)
        let us = Dictionary(uniqueKeysWithValues: reading.counterpart.bounds.map { ($0.parameter, $0) })
        #expect(Set(us.keys) == ["us-partnership", "us-cost"])
        #expect(us["us-partnership"]?.lower == .zero && us["us-cost"]?.lower == .zero)
    }

    /// The bound is where the rule changes: at taliban = 2 Iran is indifferent against turn,
    /// just below it Iran's best reply to turn is hold back (reciprocity, Tit For Tat's rule).
    @Test func rangesEndWhereTheRuleChanges() throws {
        let axis = try RepeatedGameFile.read(examplePath("axis-of-evil.yaml"))
        var stage = try #require(axis.stageGame)
        let k = try #require(stage.parameters.firstIndex { $0.id == "taliban" })
        stage.parameters[k].value = 2
        #expect(StageGameReading(stage).replier.toDefection == .indifferent)
        stage.parameters[k].value = try #require(Rational("199/100"))
        let below = StageGameReading(stage)
        #expect(below.replier.rule == .reciprocity)
        #expect(below.replier.toCooperation == .cooperate)
        stage.parameters[k].value = try #require(Rational("201/100"))
        #expect(StageGameReading(stage).replier.rule == .cooperationDominant)
    }

    /// Per-quarter payoffs without noise over 41 quarters, US Tit For Tat with its scripted turn
    /// in quarter 2. Keep helping: 8 + 2 + 39 × 8 = 322. Grim trigger (Iran C C D D …, US C D C D D …):
    /// 8 + 2 + 4 + 38 × 0 = 14. Tit for tat (Iran C C D C D …, US C D C D C …): 8, then 20 quarters
    /// of help against turn (2) and 20 of hold back against partner (4): 8 + 40 + 80 = 128.
    @Test func repliesEarnWhatTheStageGameSays() throws {
        let axis = try RepeatedGameFile.read(examplePath("axis-of-evil.yaml"))
        let outcomes = axis.study.analyse()
        func score(_ label: String) throws -> Double {
            let name = try #require(zip(axis.study.replies.map(\.name), axis.replyLabels).first { $0.1 == label }?.0)
            return try #require(outcomes.first { $0.reply == name && $0.noise == 0 }).replyScorePerTurn
        }
        #expect(abs(try score("keep helping") - 322.0 / 41) < 1e-12)
        #expect(abs(try score("grim trigger") - 14.0 / 41) < 1e-12)
        #expect(abs(try score("tit for tat") - 128.0 / 41) < 1e-12)
    }

    /// Quotes from the seed are checked against its stored text; the others stay unchecked.
    @Test func quotesAreCheckedAgainstTheSourceText() throws {
        let axis = try RepeatedGameFile.read(examplePath("axis-of-evil.yaml"))
        let all = axis.evidence + (axis.stageGame?.parameters.flatMap(\.evidence) ?? [])
        let seed = all.filter { $0.source == "mousavian2014" && $0.kind == .quote }
        #expect(seed.count >= 10)
        #expect(seed.allSatisfy { $0.verified })
        #expect(all.filter { $0.source != "mousavian2014" }.allSatisfy { !$0.verified })
        #expect(all.contains { $0.kind == .inference })
        // Decoded from text alone (a web request), no file is opened and nothing is verified.
        let text = try String(contentsOfFile: examplePath("axis-of-evil.yaml"), encoding: .utf8)
        let bare = try RepeatedGameFile.decode(text)
        #expect(bare.evidence.allSatisfy { !$0.verified })
    }

    @Test func misquotationIsLocated() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-case-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "Talks continued but the Iranians’ appetite for cooperation was diminished.".write(toFile: directory + "/seed.txt", atomically: true, encoding: .utf8)
        let file = directory + "/case.yaml"
        try Self.minimal(evidence: #"[{source: s, kind: quote, quote: "Talks continued and the appetite grew."}]"#, sourceText: "seed.txt")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let errors = try #require(throwsErrors { _ = try RepeatedGameFile.read(file) })
        let error = try #require(errors.first)
        #expect(error.code == .quoteNotFound)
        #expect(error.path.description == "evidence[0].quote")
        #expect(error.location?.line == 13)
        // The same words as a paraphrase are the coder's and are accepted.
        try Self.minimal(evidence: #"[{source: s, kind: paraphrase, quote: "Talks continued and the appetite grew."}]"#, sourceText: "seed.txt")
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try RepeatedGameFile.read(file).evidence.first?.kind == .paraphrase)
    }

    @Test(arguments: [
        // An expression naming an undefined parameter, in the second cell of the first row.
        ("replier: [[a, b]", "game.replier[0][1]", ScenarioError.Code.unknownReference),
        // Three rows.
        ("replier: [[1, 2], [3, 4], [5, 6]]", "game.replier", ScenarioError.Code.invalidValue),
        // Not an expression.
        ("replier: [[a +, 1], [2, 3]]", "game.replier[0][0]", ScenarioError.Code.invalidValue),
    ])
    func badTablesAreLocated(table: String, path: String, code: ScenarioError.Code) throws {
        let fixed = table.hasSuffix("]]") ? table : table + ", [2, 3]]"
        let text = Self.minimal(game: """
        game:
          parameters: [{id: a, value: 1}]
          \(fixed)
          counterpart: [[1, 2], [3, 4]]
        """)
        let errors = try #require(throwsErrors { _ = try RepeatedGameFile.decode(text, file: "case.yaml") })
        let error = try #require(errors.first)
        #expect(error.path.description == path, "\(errors)")
        #expect(error.code == code)
        #expect(error.location?.line == 8)
    }

    /// The symmetric form still reads, and its reading is the textbook one: defection dominant for both.
    @Test func prisonersDilemmaReadsAsBefore() throws {
        let study = try RepeatedGameFile.decode(Self.minimal())
        #expect(study.stageGame == nil)
        #expect(study.study.game == .prisonersDilemma)
        #expect(study.reading.replier.rule == .defectionDominant)
        #expect(study.reading.counterpart.rule == .defectionDominant)
        #expect(study.reading.replier.bounds.isEmpty)
    }

    static func minimal(game: String = "", evidence: String = "[]", sourceText: String? = nil) -> String {
        """
        format: parley-repeated/1
        name: test
        sources:
          - {id: s, title: the source\(sourceText.map { ", text: \($0)" } ?? "")}
        horizon: {turns: 10, unit: quarter, start: 2001-Q4}
        \(game.isEmpty ? "# no game: the default" : game)
        counterpart: {name: US, strategy: TitForTat}
        scripted: [{turn: 2, label: speech}]
        replier: {name: Iran}
        replies: [{strategy: Grudger, label: grim}]
        runs: 10
        noise: [0]
        evidence: \(evidence)
        """
    }

    func throwsErrors(_ body: () throws -> Void) -> [ScenarioError]? {
        do {
            try body()
            return nil
        } catch let errors as ScenarioErrors {
            return errors.errors
        } catch {
            return nil
        }
    }
}
