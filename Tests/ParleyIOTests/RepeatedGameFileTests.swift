import ParleyCore
import ParleyGames
import ParleyIO
import Testing

@Suite struct RepeatedGameFileTests {
    @Test func axisOfEvilCaseReadsAndAnalyses() throws {
        let axis = try RepeatedGameFile.read(examplePath("axis-of-evil.yaml"))
        #expect(axis.replyLabels.contains("grim trigger"))
        #expect(axis.label(turn: 1) == "2001-Q4")  // turns count from 1, one a quarter
        #expect(axis.label(turn: 2) == "2002-Q1")
        let outcomes = axis.study.analyse()
        // Grim trigger never forgives: the defection ends cooperation for good and no gesture restores it.
        let grimName = try #require(zip(axis.study.replies.map(\.name), axis.replyLabels).first { $0.1 == "grim trigger" }?.0)
        let grim = try #require(outcomes.first { $0.runs == 1 && $0.reply == grimName })
        #expect(grim.collapseTurn != nil)
        #expect(grim.restoringGesture == nil)
        #expect(grim.mutualCooperation == 0)
    }

    @Test func badCaseFileIsLocated() throws {
        #expect(throws: ScenarioErrors.self) { try RepeatedGameFile.read("/nonexistent/axis.yaml") }
    }
}
