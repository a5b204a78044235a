public import ParleyCore
public import ParleyBargaining

/// How well each model forecast history over many scenarios.
///
/// Only issues with an observed outcome count. Errors are absolute, on a 0–100 version of each
/// issue's scale (|forecast − observed| / width × 100), so issues on different scales pool; the
/// anchor hit rate counts the issues with anchors where the forecast's nearest anchor is the
/// observed outcome's nearest anchor.
public struct Backtest: Sendable, Hashable {
    /// One model's record.
    public struct ModelScore: Sendable, Hashable {
        public var model: String
        /// Issues with both a forecast and an observed outcome.
        public var issues: Int
        public var meanAbsoluteError: Double?
        public var medianAbsoluteError: Double?
        /// Issues with anchors and a forecast.
        public var anchoredIssues: Int
        public var anchorHits: Int
        public var anchorHitRate: Double? { anchoredIssues > 0 ? Double(anchorHits) / Double(anchoredIssues) : nil }
    }

    /// Per model, in the order the models were given.
    public var scores: [ModelScore]
    /// Every scored forecast, scenario by scenario.
    public var forecasts: [(scenario: String, forecast: ScoredForecast)]
    /// Scenarios without any observed outcome (skipped).
    public var skipped: [String]

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.scores == rhs.scores && lhs.skipped == rhs.skipped }
    public func hash(into hasher: inout Hasher) { hasher.combine(scores) }

    /// Runs `models` on every scenario and scores them.
    /// - Throws: `ModelError` from a model that cannot run.
    public init(scenarios: [Scenario], models: [any BargainingModel]) throws(ModelError) {
        try self.init(scenarios: scenarios, modelsFor: { _ in models })
    }

    /// Runs each scenario's own models (`modelsFor`, e.g. `ModelCatalog.defaults(for:)`, which
    /// adds the procedural model where a scenario has a forum) and scores them; models are listed
    /// by name in order of first appearance, each pooling the scenarios it ran on.
    /// - Throws: `ModelError` from a model that cannot run.
    public init(scenarios: [Scenario], modelsFor: (Scenario) -> [any BargainingModel]) throws(ModelError) {
        var names: [String] = []
        var forecasts: [(String, ScoredForecast)] = []
        var skipped: [String] = []
        for scenario in scenarios {
            guard scenario.issues.contains(where: { $0.observed != nil }) else {
                skipped.append(scenario.name)
                continue
            }
            let models = modelsFor(scenario)
            names += models.map(\.name).filter { !names.contains($0) }
            let report = try ForecastReport(scenario: scenario, models: models)
            forecasts += report.forecasts.filter { $0.observed != nil }.map { (scenario.name, $0) }
        }
        self.forecasts = forecasts
        self.skipped = skipped
        scores = names.map { name in
            let rows = forecasts.map(\.1).filter { $0.model == name }
            let errors = rows.compactMap(\.absolutePercentError)
            let anchored = rows.filter { $0.anchorHit != nil }
            return ModelScore(
                model: name, issues: errors.count,
                meanAbsoluteError: errors.isEmpty ? nil : errors.reduce(0, +) / Double(errors.count),
                medianAbsoluteError: EnsembleModel.median(errors),
                anchoredIssues: anchored.count, anchorHits: anchored.filter { $0.anchorHit == true }.count)
        }
    }
}
