public import ParleyAnalysis
import ParleyCore

/// The opening of a briefing on any scenario: its own summary, then who bargains over what,
/// counted from the file.
public enum ScenarioIntroduction {
    /// The scenario's summary (when it has one) and a sentence naming its issues and counting
    /// its stakeholders, the models run and the issues history scores.
    public static func paragraphs(_ forecast: ScenarioForecast) -> [String] {
        let scenario = forecast.scenario
        var paragraphs: [String] = []
        if let summary = scenario.summary, !summary.isEmpty { paragraphs.append(summary) }
        let issues = scenario.issues.map(\.name)
        var text = "\(scenario.stakeholders.count) stakeholder\(scenario.stakeholders.count == 1 ? "" : "s") bargain over "
            + "\(issues.count) issue\(issues.count == 1 ? "" : "s"): \(ForecastReading.list(issues))."
        let observed = scenario.issues.filter { $0.observed != nil }.count
        text += " Parley runs \(forecast.models.count) model\(forecast.models.count == 1 ? "" : "s") on them"
        text += observed == 0
            ? "; history records no outcome here, so nothing is scored."
            : " and scores each against the \(observed) outcome\(observed == 1 ? "" : "s") history records."
        paragraphs.append(text)
        return paragraphs
    }
}
