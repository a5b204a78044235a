import ParleyAnalysis
import ParleyBargaining
import ParleyCore
import ParleyReports
import Testing

/// Three parties on one issue: the weighted median and Nash coincide at 20, the mean does not.
func readingScenario(notes: [ScenarioNote] = []) throws -> Scenario {
    let issue = try PolicyIssue(id: "share", name: "Budget share", scale: .percent, observed: ObservedOutcome(value: 40))
    let parties = try [("alpha", 80.0, 20.0, 50.0), ("beta", 20, 50, 100), ("gamma", 50, 100, 10)].map { id, position, salience, capability in
        try Stakeholder(id: id, name: id.prefix(1).uppercased() + id.dropFirst(), capability: capability, stances: [Stance(issue: "share", position: position, salience: salience)])
    }
    return try Scenario(name: "Reading", summary: "A test case.", sources: [Source(id: "s1", title: "A source")], issues: [issue],
                        stakeholders: parties, notes: notes)
}

@Suite struct ReadingTests {
    @Test func theIntroductionIsCountedFromTheFile() throws {
        let forecast = try ScenarioForecast(scenario: try readingScenario(), models: [WeightedMeanModel(), WeightedMedianModel()])
        let intro = ScenarioIntroduction.paragraphs(forecast)
        #expect(intro == ["A test case.",
                          "3 stakeholders bargain over 1 issue: Budget share. Parley runs 2 models on them and scores each against the 1 outcome history records."])
    }

    @Test func coincidingModelsAreCountedOnce() throws {
        // Median: 20 holds 5000 of 7000 weight (> half). Nash also lands at 20 (the check below is
        // against the computed value, so it holds whatever Nash gives as long as it equals the median).
        let scenario = try readingScenario()
        let forecast = try ScenarioForecast(scenario: scenario, models: [WeightedMeanModel(), WeightedMedianModel(), WeightedMedianModel()])
        let text = try #require(WhoWonReading.agreement(forecast))
        #expect(text == "Models that agree count once: on Budget share, 3 models give 2 distinct forecasts (weighted-median and weighted-median both give 20).")
        // All distinct: nothing to say.
        let distinct = try ScenarioForecast(scenario: scenario, models: [WeightedMeanModel(), WeightedMedianModel()])
        #expect(WhoWonReading.agreement(distinct) == nil)
    }

    @Test func whoWonNamesTheClosestWithTheirDistances() throws {
        // Observed 40: alpha |80-40| = 40, beta 20, gamma 10 → gamma, beta, alpha.
        let forecast = try ScenarioForecast(scenario: try readingScenario(), models: [WeightedMeanModel()], winners: true)
        let text = try #require(WhoWonReading.paragraph(forecast))
        #expect(text.hasPrefix("Against history, ranking the 3 stakeholders by how close the outcome came to their opening positions "
            + "(salience-weighted distance on 0-100, smaller is closer): Gamma (10), Beta (20) and Alpha (40)."))
        #expect(text.contains("Success is not influence: running weighted-mean again without each stakeholder"))
    }

    @Test func notesAreTheFilesOwnWordsWithTheirSources() throws {
        let note = try ScenarioNote(id: "context", title: "Context", text: "Talks ran late.",
                                    evidence: [Evidence(source: "s1", quote: "late"), Evidence(source: "s1", quote: "again")])
        let scenario = try readingScenario(notes: [note])
        #expect(WhoWonReading.notes(scenario) == ["Context: Talks ran late. [s1]"])
    }
}
