public import ParleyCore
public import ParleyBargaining

/// A model's forecast for one issue set against history.
public struct ScoredForecast: Sendable, Hashable {
    public var model: String
    public var issue: String
    public var value: Double?
    public var note: String?
    /// The observed outcome, when the scenario records one.
    public var observed: Double?
    /// `value − observed`, in the issue's scale units (negative: the model forecast too low).
    public var error: Double?
    /// |error| on a 0–100 version of the scale, comparable across issues.
    public var absolutePercentError: Double?
    /// The anchor nearest the forecast, if the issue has anchors.
    public var nearestAnchor: Anchor?
    /// Whether the forecast's nearest anchor is also the observed outcome's nearest anchor.
    public var anchorHit: Bool?

    /// Scores `outcome` against `issue`'s observed value.
    public init(model: String, outcome: IssueOutcome, issue: PolicyIssue) {
        self.model = model
        self.issue = issue.id
        value = outcome.value
        note = outcome.note
        observed = issue.observed?.value
        if let value {
            nearestAnchor = issue.nearestAnchor(to: value)
            if let observed {
                error = value - observed
                absolutePercentError = abs(value - observed) / issue.scale.width * 100
                if let forecastAnchor = nearestAnchor, let observedAnchor = issue.nearestAnchor(to: observed) {
                    anchorHit = forecastAnchor == observedAnchor
                }
            }
        }
    }
}

/// Every model's forecasts for a scenario, scored where history is known.
public struct ForecastReport: Sendable, Hashable {
    public var scenario: String
    /// Issue by issue, then model by model, in the order models were given.
    public var forecasts: [ScoredForecast]
    public var runs: [ModelRun]

    /// Runs `models` on `scenario` and scores each forecast.
    /// `progress` is called after each model other than the ensemble with the count run so far.
    /// - Throws: `ModelError` from the first model that cannot run.
    public init(scenario: Scenario, models: [any BargainingModel], progress: (Int) -> Void = { _ in }) throws(ModelError) {
        let runs = try ModelRunner.runAll(models, on: scenario, progress: progress)
        self.scenario = scenario.name
        self.runs = runs
        forecasts = scenario.issues.flatMap { issue in
            runs.map { run in
                ScoredForecast(model: run.model, outcome: run.outcomes.first { $0.issue == issue.id }
                    ?? IssueOutcome(issue: issue.id, value: nil, note: "the model gave no forecast"), issue: issue)
            }
        }
    }

    /// Who won under each model's forecast, in the order of `runs`.
    public func winners(scenario: Scenario) -> [WinnersAndLosers] {
        runs.map { WinnersAndLosers(scenario: scenario, run: $0) }
    }

    /// Mean absolute 0–100 error of `model` over the issues with an observed outcome.
    public func meanAbsolutePercentError(model: String) -> Double? {
        let errors = forecasts.filter { $0.model == model }.compactMap(\.absolutePercentError)
        return errors.isEmpty ? nil : errors.reduce(0, +) / Double(errors.count)
    }
}
