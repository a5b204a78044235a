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
    /// - Parameters:
    ///   - scenario: the scenario to forecast.
    ///   - models: the models to run, in order.
    ///   - winners: also say who won: success, gain over the status quo and, for each model,
    ///     influence from counterfactual runs without each stakeholder.
    ///   - jobs: threads for the counterfactual runs; the result never depends on it.
    ///   - isCancelled: polled between counterfactual runs (a server's deadline).
    ///   - progress: called after each model other than the ensemble with the count run so far.
    /// - Complexity: the models' runs; with `winners`, n more runs of each model for n stakeholders.
    /// - Throws: `ModelError` when a model cannot run on the scenario, or when cancelled.
    public init(
        scenario: Scenario, models: [any BargainingModel], winners: Bool = false, jobs: Int = 1,
        isCancelled: @escaping @Sendable () -> Bool = { false }, progress: (Int) -> Void = { _ in }
    ) throws(ModelError) {
        self.scenario = scenario
        self.models = models.map(\.name)
        report = try ForecastReport(scenario: scenario, models: models, progress: progress)
        standings = winners ? try Self.standings(scenario: scenario, report: report, models: models, jobs: jobs, isCancelled: isCancelled) : nil
    }

    /// History's standings, then each model's with its counterfactual influence: model m is run
    /// again without each stakeholder (`CounterfactualInfluence`); an issue without a forecast
    /// in such a run takes the status quo (else the scale's midpoint) as its outcome.
    /// - Throws: `ModelError` when cancelled.
    public static func standings(
        scenario: Scenario, report: ForecastReport, models: [any BargainingModel], jobs: Int,
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) throws(ModelError) -> [WinnersAndLosers] {
        var tables = [WinnersAndLosers.history(scenario)].compactMap { $0 }
        let issues = scenario.issues
        let stakeholders = scenario.stakeholders
        for run in report.runs {
            let table = WinnersAndLosers(scenario: scenario, run: run)
            guard let model = models.first(where: { $0.name == run.model }) else {
                tables.append(table)
                continue
            }
            let full = issues.map { run.value(for: $0.id) }
            let influence = try CounterfactualInfluence(
                scenario: scenario, statusQuo: issues.map { $0.statusQuo?.value }, jobs: jobs, shouldStop: isCancelled
            ) { coalition throws(ModelError) -> [Double?] in
                if coalition.count == stakeholders.count { return full }
                let present = coalition.indices.map { stakeholders[$0] }
                guard let without = try? scenario.with(stakeholders: present), let counterfactual = try? model.run(without) else {
                    return issues.map { _ in nil }
                }
                return issues.map { counterfactual.value(for: $0.id) }
            }
            var outcomes: [String: [String: Double]] = [:]
            for (index, stakeholder) in stakeholders.enumerated() where index < influence.outcomesWithout.count {
                var values: [String: Double] = [:]
                for (k, issue) in issues.enumerated() {
                    if let value = influence.outcomesWithout[index][k] { values[issue.id] = value }
                }
                outcomes[stakeholder.id] = values
            }
            var scored = table.withInfluence(outcomes, scenario: scenario)
            if shapleyModels.contains(model.name) {
                let shapley = try CoalitionRuns(scenario: scenario, model: model).shapley(seed: shapleySeed, jobs: jobs, shouldStop: isCancelled)
                scored = scored.withShapley(shapley, scenario: scenario)
            }
            tables.append(scored)
        }
        return tables
    }

    /// The models cheap enough for Shapley values in every who-won answer: closed forms, O(n log n)
    /// per issue, so the 2¹² coalitions of the exact method (or 1,000 sampled orders of n
    /// stakeholders beyond 12) cost milliseconds. The iterative models get influence only.
    public static let shapleyModels: Set<String> = ["weighted-mean", "weighted-median", "nash", "procedural"]

    /// The seed of the sampled Shapley orders (beyond 12 stakeholders), fixed so answers repeat.
    public static let shapleySeed: UInt64 = 1

    /// History's standings (when the scenario has observed outcomes), then each model's, without influence.
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
