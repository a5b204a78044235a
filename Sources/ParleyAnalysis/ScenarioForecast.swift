public import ParleyBargaining
public import ParleyCore

/// "Where will it end?": every chosen model's forecast of each issue, scored against history
/// where it is known, and optionally who won under history and under each model.
///
/// This is what `parley forecast`, `POST /api/forecast`, the demo and the report all answer.
public struct ScenarioForecast: Sendable {
    public var scenario: Scenario
    /// The models' names, in the order they ran.
    public var models: [String]
    /// Forecasts, scores and the models' full runs.
    public var report: ForecastReport
    /// Who won, against history first (when the scenario has observed outcomes) and then under
    /// each model; `nil` when not asked for.
    public var standings: [WinnersAndLosers]?

    /// Runs `models` on `scenario`.
    /// - Parameter winners: also rank the stakeholders by how close each outcome came to them.
    /// - Complexity: the models' runs, plus O(models × stakeholders × issues) for the standings.
    /// - Throws: ``ModelError`` when a model cannot run on the scenario.
    public init(scenario: Scenario, models: [any BargainingModel], winners: Bool = false) throws(ModelError) {
        self.scenario = scenario
        self.models = models.map(\.name)
        report = try ForecastReport(scenario: scenario, models: models)
        standings = winners ? Self.standings(scenario: scenario, report: report) : nil
    }

    /// History's standings (when the scenario has observed outcomes), then each model's.
    public static func standings(scenario: Scenario, report: ForecastReport) -> [WinnersAndLosers] {
        [WinnersAndLosers.history(scenario)].compactMap { $0 } + report.winners(scenario: scenario)
    }

    /// The standings, computed now if they were not asked for at creation.
    public var allStandings: [WinnersAndLosers] {
        standings ?? Self.standings(scenario: scenario, report: report)
    }

    /// The run store's key for this forecast.
    public var parameters: RunParameters { .forecast(ForecastParameters(models: models)) }
}
