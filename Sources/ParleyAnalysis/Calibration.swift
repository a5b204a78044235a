public import ParleyBargaining
public import ParleyCore
import ParleySimulation

/// How well calibrated each model's Monte Carlo forecasts are against history, over many
/// scenarios: the absolute error of the point forecast, the continuous ranked probability
/// score (CRPS) of the forecast distribution, and how often the observed outcome falls inside
/// the central 50% and 80% intervals (Gneiting & Raftery, JASA 2007).
///
/// Each scenario's uncertain inputs are drawn `runs` times from their spreads (the streams of
/// `parley sensitivity` with the same seed) and every model runs on every draw. MAE and CRPS are
/// in percent of each issue's scale, so issues on different scales pool; coverage is a share of
/// the scored issues (0–1). With no uncertainty every draw equals the point forecast, the CRPS
/// equals the absolute error and the intervals shrink to the point.
public struct Calibration: Sendable, Hashable {
    /// One model's record over every scored issue.
    public struct ModelScore: Sendable, Hashable {
        public var model: String
        /// Issues with an observed outcome and a forecast in every draw.
        public var issues: Int
        /// Mean absolute error of the point forecast, percent of scale.
        public var meanAbsoluteError: Double?
        /// Mean CRPS of the Monte Carlo distribution, percent of scale.
        public var crps: Double?
        /// Share (0–1) of observed outcomes inside the central 50% interval.
        public var coverage50: Double?
        /// Share (0–1) of observed outcomes inside the central 80% interval.
        public var coverage80: Double?
    }

    public var runs: Int
    public var seed: UInt64
    /// In the order the models were given.
    public var scores: [ModelScore]

    /// Draws and scores every scenario with observed outcomes.
    /// - Complexity: runs × models' runs per scenario, on `jobs` threads.
    /// - Throws: what the models throw; `CancellationError` when the task is cancelled.
    public static func run(scenarios: [Scenario], models: [any BargainingModel], runs: Int, seed: UInt64, jobs: Int) async throws -> Calibration {
        try await run(scenarios: scenarios, modelsFor: { _ in models }, runs: runs, seed: seed, jobs: jobs)
    }

    /// Draws and scores every scenario with observed outcomes, each with its own models
    /// (`modelsFor`, e.g. `ModelCatalog.defaults(for:)`); scores are listed by model name in
    /// order of first appearance and pool the scenarios each model ran on.
    public static func run(scenarios: [Scenario], modelsFor: (Scenario) -> [any BargainingModel], runs: Int, seed: UInt64,
                           jobs: Int) async throws -> Calibration {
        var names: [String] = []
        var tallies: [CalibrationTally] = []
        for scenario in scenarios where scenario.issues.contains(where: { $0.observed != nil }) {
            let models = modelsFor(scenario)
            for model in models where !names.contains(model.name) {
                names.append(model.name)
                tallies.append(CalibrationTally())
            }
            let report = try ForecastReport(scenario: scenario, models: models)
            let plan = SensitivityAnalysis.plan(scenario: scenario, runs: runs, seed: seed, models: models)
            let results = try await MonteCarloRunner.run(scenario: scenario, models: models, plan: plan, range: 0..<runs, jobs: jobs)
            for (m, model) in models.enumerated() {
                guard let t = names.firstIndex(of: model.name) else { continue }
                for (k, issue) in scenario.issues.enumerated() {
                    guard let observed = issue.observed?.value,
                          let point = report.runs.first(where: { $0.model == model.name })?.value(for: issue.id) else { continue }
                    let sample = results.compactMap { m < $0.values.count && k < $0.values[m].count ? $0.values[m][k] : nil }
                    guard sample.count == results.count else { continue }
                    tallies[t].add(point: point, sample: sample, observation: observed, scaleWidth: issue.scale.width)
                }
            }
        }
        return Calibration(runs: runs, seed: seed, scores: zip(names, tallies).map { name, tally in
            ModelScore(model: name, issues: tally.count, meanAbsoluteError: tally.meanAbsoluteError, crps: tally.meanCRPS,
                       coverage50: tally.coverage50, coverage80: tally.coverage80)
        })
    }

    /// The score of `model`, if it ran.
    public func score(of model: String) -> ModelScore? {
        scores.first { $0.model == model }
    }
}
