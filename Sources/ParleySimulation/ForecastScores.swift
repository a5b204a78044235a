/// Proper scores of a forecast distribution, given as a Monte Carlo sample, against an observed
/// outcome: the continuous ranked probability score and the coverage of central intervals.
///
/// See Gneiting & Raftery, "Strictly proper scoring rules, prediction, and estimation",
/// *JASA* 102 (2007) 359–378. Checked against `properscoring` (PyPI) by
/// `scripts/properscoring_fixtures.sh`.
public enum ForecastScores {
    /// The CRPS of the empirical distribution of `sample` at `observation`, in the sample's units:
    ///
    ///     CRPS = (1/n) Σ_i |X_i − y| − (1 / 2n²) Σ_i Σ_j |X_i − X_j|
    ///
    /// the energy form E|X − y| − ½ E|X − X′| with X, X′ independent draws from the sample
    /// (pairs i = j included, as `properscoring.crps_ensemble` computes it). For one point x it
    /// is |x − y|, the absolute error; it is never negative, and 0 only when every draw equals y.
    /// The pair sum is taken over the sorted sample as Σ_k (2k − n − 1) x_(k) (k = 1...n).
    ///
    /// - Returns: `nil` when the sample is empty or a value is not finite.
    /// - Complexity: O(n log n) for n draws.
    public static func crps(sample: [Double], observation: Double) -> Double? {
        guard !sample.isEmpty, observation.isFinite, sample.allSatisfy(\.isFinite) else { return nil }
        let sorted = sample.sorted()
        let n = Double(sorted.count)
        let absoluteError = MonteCarloSummary.compensatedSum(sorted.map { abs($0 - observation) }) / n
        let pairTerms = sorted.enumerated().map { k, x in (2 * Double(k + 1) - n - 1) * x }
        // Σ_i Σ_j |x_i − x_j| = 2 Σ_k (2k − n − 1) x_(k); halved and divided by n².
        let spread = MonteCarloSummary.compensatedSum(pairTerms) / (n * n)
        return Swift.max(0, absoluteError - spread)
    }

    /// The central interval holding `level` (in (0, 1)) of the sample: its type-7 quantiles at
    /// (1 − level)/2 and (1 + level)/2, as ``MonteCarloSummary`` computes quantiles.
    /// - Returns: `nil` for an empty sample, a non-finite value, or a level outside (0, 1).
    /// - Complexity: O(n log n).
    public static func centralInterval(sample: [Double], level: Double) -> ClosedRange<Double>? {
        guard !sample.isEmpty, level > 0, level < 1, sample.allSatisfy(\.isFinite) else { return nil }
        let sorted = sample.sorted()
        let low = MonteCarloSummary.quantile(sorted, (1 - level) / 2)
        let high = MonteCarloSummary.quantile(sorted, (1 + level) / 2)
        return Swift.min(low, high)...Swift.max(low, high)
    }

    /// Whether the central `level` interval of `sample` contains `observation` (ends included).
    /// - Returns: `nil` when ``centralInterval(sample:level:)`` is `nil` or the observation is not finite.
    public static func covers(sample: [Double], observation: Double, level: Double) -> Bool? {
        guard observation.isFinite, let interval = centralInterval(sample: sample, level: level) else { return nil }
        return interval.contains(observation)
    }
}

/// Calibration over many forecast–observation pairs (issues of one or more scenarios) for one
/// model: mean absolute error of the point forecast, mean CRPS of the Monte Carlo distribution,
/// and the coverage of its central 50% and 80% intervals. Errors and CRPS are in percent of each
/// issue's scale (value / (max − min) × 100), so issues on different scales average.
public struct CalibrationTally: Sendable, Hashable {
    /// Pairs added.
    public private(set) var count = 0
    private var absoluteErrors: [Double] = []
    private var crpsValues: [Double] = []
    private var covered50 = 0
    private var covered80 = 0

    public init() {}

    /// Adds one issue: the point forecast, the Monte Carlo sample of forecasts, the observed value
    /// and the scale's width (max − min > 0). A pair with an empty sample, a non-finite number or a
    /// width <= 0 is skipped and the call returns `false`.
    @discardableResult
    public mutating func add(point: Double, sample: [Double], observation: Double, scaleWidth: Double) -> Bool {
        guard point.isFinite, scaleWidth.isFinite, scaleWidth > 0,
              let crps = ForecastScores.crps(sample: sample, observation: observation),
              let in50 = ForecastScores.covers(sample: sample, observation: observation, level: 0.5),
              let in80 = ForecastScores.covers(sample: sample, observation: observation, level: 0.8) else { return false }
        count += 1
        absoluteErrors.append(abs(point - observation) / scaleWidth * 100)
        crpsValues.append(crps / scaleWidth * 100)
        if in50 { covered50 += 1 }
        if in80 { covered80 += 1 }
        return true
    }

    /// Mean absolute error, percent of scale; `nil` before any pair.
    public var meanAbsoluteError: Double? { mean(absoluteErrors) }
    /// Mean CRPS, percent of scale; `nil` before any pair.
    public var meanCRPS: Double? { mean(crpsValues) }
    /// Share (0–1) of observations inside the central 50% interval; `nil` before any pair.
    public var coverage50: Double? { count > 0 ? Double(covered50) / Double(count) : nil }
    /// Share (0–1) of observations inside the central 80% interval; `nil` before any pair.
    public var coverage80: Double? { count > 0 ? Double(covered80) / Double(count) : nil }

    private func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : MonteCarloSummary.compensatedSum(values) / Double(values.count)
    }
}
